/**
 * Who may do what in the register: the ONE table of expectations. The access matrix test
 * generates every cell from it (actor × collection × operation × target document, and actor ×
 * sensitive field × read/write × target), and the README's "who may do what" table is rendered
 * from it, so the documentation, the tests and the rules cannot drift apart.
 */

/** A role as the README shows it: a column of the table. */
export type Role =
  | 'anonymous'
  | 'redacteur'
  | 'goedkeurder'
  | 'beheerder'
  | 'auditor'
  | 'platformAdmin'

/** The columns, in the order every {@link PerRole} row lists them. */
export const ROLES: readonly Role[] = [
  'anonymous',
  'redacteur',
  'goedkeurder',
  'beheerder',
  'auditor',
  'platformAdmin',
]

/** Column headers of the README table. */
export const ROLE_LABELS: Record<Role, string> = {
  anonymous: 'Anonymous',
  redacteur: 'Editor (redacteur)',
  goedkeurder: 'Reviewer (goedkeurder)',
  beheerder: 'Organisation admin (beheerder)',
  auditor: 'Auditor',
  platformAdmin: 'Platform admin',
}

/** The organisations the matrix works in: A is home to most actors, B to the outsider. */
export type OrganisationKey = 'A' | 'B'

/** The people the matrix acts as. */
export type Actor =
  | 'anonymous'
  | 'editor'
  | 'reviewer'
  | 'orgAdmin'
  | 'auditor'
  | 'platformAdmin'
  | 'outsider'

/**
 * Each actor is a role in a home organisation. The member of another organisation is an
 * organisation admin of B: the strongest role, so every refusal in A is about the organisation,
 * not about a weak role.
 */
export const ACTORS: Record<Actor, { role: Role; home: OrganisationKey | null }> = {
  anonymous: { role: 'anonymous', home: null },
  editor: { role: 'redacteur', home: 'A' },
  reviewer: { role: 'goedkeurder', home: 'A' },
  orgAdmin: { role: 'beheerder', home: 'A' },
  auditor: { role: 'auditor', home: 'A' },
  platformAdmin: { role: 'platformAdmin', home: null },
  outsider: { role: 'beheerder', home: 'B' },
}

/** Every actor, in a fixed order. */
export const ACTOR_NAMES = Object.keys(ACTORS) as Actor[]

/** What the matrix does with a collection. */
export type Operation = 'create' | 'read' | 'update' | 'delete' | 'readVersions'

/** Every operation, in a fixed order. */
export const OPERATIONS: readonly Operation[] = [
  'create',
  'read',
  'update',
  'delete',
  'readVersions',
]

/**
 * Where a permission reaches.
 * - `none`: nowhere.
 * - `self`: the person's own account only.
 * - `own`: the organisations where the person holds this role (for users: their own account too).
 * - `ownNotSelf`: as `own`, but never the person's own account.
 * - `ownAlgorithmEvents`: the audit events about the algorithms of the own organisations.
 * - `all`: everywhere.
 */
export type Scope = 'none' | 'self' | 'own' | 'ownNotSelf' | 'ownAlgorithmEvents' | 'all'

/** How the README writes a scope. */
export const SCOPE_LABELS: Record<Scope, string> = {
  none: '—',
  self: 'own account',
  own: 'own organisation',
  ownNotSelf: 'own organisation, not themselves',
  ownAlgorithmEvents: 'own organisation, algorithm events only',
  all: 'all',
}

/** One row of the table: a scope per role, in {@link ROLES} order. */
export type PerRole = Record<Role, Scope>

/** A row written positionally, in the column order of {@link ROLES}. */
function row(
  anonymous: Scope,
  redacteur: Scope,
  goedkeurder: Scope,
  beheerder: Scope,
  auditor: Scope,
  platformAdmin: Scope,
): PerRole {
  return { anonymous, redacteur, goedkeurder, beheerder, auditor, platformAdmin }
}

/** The collections the matrix covers (Payload's job queue included). */
export type CollectionSlug =
  | 'organisations'
  | 'users'
  | 'algorithms'
  | 'revisions'
  | 'audit-events'
  | 'payload-jobs'

/** Every collection, in a fixed order. */
export const COLLECTIONS: readonly CollectionSlug[] = [
  'organisations',
  'users',
  'algorithms',
  'revisions',
  'audit-events',
  'payload-jobs',
]

/** How the README names a collection. */
export const COLLECTION_LABELS: Record<CollectionSlug, string> = {
  organisations: 'Organisations',
  users: 'Users',
  algorithms: 'Algorithms',
  revisions: 'Published revisions',
  'audit-events': 'Audit history',
  'payload-jobs': 'Job queue (payload-jobs)',
}

/** How the README names an operation. */
export const OPERATION_LABELS: Record<Operation, string> = {
  create: 'create',
  read: 'read',
  update: 'update',
  delete: 'delete',
  readVersions: 'read versions',
}

/** Columns:                anonymous redacteur goedkeurder beheerder auditor platformAdmin */
export const COLLECTION_RULES: Record<CollectionSlug, Record<Operation, PerRole>> = {
  organisations: {
    create: row('none', 'none', 'none', 'none', 'none', 'all'),
    read: row('none', 'own', 'own', 'own', 'own', 'all'),
    update: row('none', 'none', 'none', 'own', 'none', 'all'),
    delete: row('none', 'none', 'none', 'none', 'none', 'all'),
    readVersions: row('none', 'none', 'none', 'none', 'none', 'none'),
  },
  users: {
    create: row('none', 'none', 'none', 'own', 'none', 'all'),
    read: row('none', 'own', 'own', 'own', 'own', 'all'),
    update: row('none', 'self', 'self', 'own', 'self', 'all'),
    delete: row('none', 'none', 'none', 'none', 'none', 'all'),
    readVersions: row('none', 'none', 'none', 'none', 'none', 'none'),
  },
  algorithms: {
    create: row('none', 'own', 'own', 'own', 'none', 'all'),
    read: row('none', 'own', 'own', 'own', 'own', 'all'),
    update: row('none', 'own', 'own', 'own', 'none', 'all'),
    delete: row('none', 'none', 'none', 'own', 'none', 'all'),
    readVersions: row('none', 'own', 'own', 'own', 'own', 'all'),
  },
  revisions: {
    create: row('none', 'none', 'none', 'none', 'none', 'none'),
    read: row('none', 'own', 'own', 'own', 'own', 'all'),
    update: row('none', 'none', 'none', 'none', 'none', 'none'),
    delete: row('none', 'none', 'none', 'none', 'none', 'none'),
    readVersions: row('none', 'none', 'none', 'none', 'none', 'none'),
  },
  'audit-events': {
    create: row('none', 'none', 'none', 'none', 'none', 'none'),
    read: row('none', 'ownAlgorithmEvents', 'ownAlgorithmEvents', 'own', 'own', 'all'),
    update: row('none', 'none', 'none', 'none', 'none', 'none'),
    delete: row('none', 'none', 'none', 'none', 'none', 'none'),
    readVersions: row('none', 'none', 'none', 'none', 'none', 'none'),
  },
  'payload-jobs': {
    create: row('none', 'none', 'none', 'none', 'none', 'all'),
    read: row('none', 'none', 'none', 'none', 'none', 'all'),
    update: row('none', 'none', 'none', 'none', 'none', 'all'),
    delete: row('none', 'none', 'none', 'none', 'none', 'all'),
    readVersions: row('none', 'none', 'none', 'none', 'none', 'none'),
  },
}

/**
 * Payload's own version endpoints (`/api/<collection>/versions`, GraphQL `versions…`): the
 * register keeps no Payload versions (revisions are its published versions), so they are refused
 * for everyone, whatever a collection's "read versions" row says.
 */
export const PAYLOAD_VERSIONS_REFUSED = true

/** Extra words for a README row. */
export const COLLECTION_NOTES: Partial<Record<CollectionSlug, Partial<Record<Operation, string>>>> =
  {
    users: {
      read: 'members of the same organisations, and themselves',
      update:
        'themselves: name, e-mail, password; organisation admin: name and roles, not e-mail, password or platform admins',
    },
    algorithms: {
      delete: 'only descriptions that were never published; 409 otherwise',
      readVersions: 'its published revisions; Payload versions: nobody',
    },
    organisations: { readVersions: 'Payload versions: nobody' },
    revisions: { create: 'revisions are made by approval, never by hand' },
    'audit-events': { create: 'events are written by the system, never by hand' },
  }

/** A sensitive field and who may read and write it. */
export interface FieldRule {
  collection: CollectionSlug
  /** Dotted path of the field. */
  field: string
  read: PerRole
  /** Writing directly through an API (workflow fields change only through transitions). */
  write: PerRole
  notes?: { read?: string; write?: string }
}

/** Columns:                anonymous redacteur goedkeurder beheerder auditor platformAdmin */
export const FIELD_RULES: readonly FieldRule[] = [
  ...['internal_notes', 'internal_owner', 'internal_contact', 'publication_category_rationale'].map(
    (field): FieldRule => ({
      collection: 'algorithms',
      field,
      read: row('none', 'own', 'own', 'own', 'own', 'all'),
      write: row('none', 'own', 'own', 'own', 'none', 'all'),
      notes: { read: 'internal; never in any public output' },
    }),
  ),
  ...(
    [
      ['workflow.state', 'changes only through workflow transitions'],
      ['lars', 'set by the system, never changes'],
      ['organization', 'chosen once at creation, never moved'],
    ] as const
  ).map(
    ([field, write]): FieldRule => ({
      collection: 'algorithms',
      field,
      read: row('none', 'own', 'own', 'own', 'own', 'all'),
      write: row('none', 'none', 'none', 'none', 'none', 'none'),
      notes: { write },
    }),
  ),
  {
    collection: 'users',
    field: 'isPlatformAdmin',
    read: row('none', 'own', 'own', 'own', 'own', 'all'),
    write: row('none', 'none', 'none', 'none', 'none', 'all'),
    notes: { write: 'nobody makes themselves platform admin' },
  },
  {
    collection: 'users',
    field: 'memberships',
    read: row('none', 'own', 'own', 'own', 'own', 'all'),
    write: row('none', 'none', 'none', 'ownNotSelf', 'none', 'all'),
    notes: { write: 'roles in their own organisations only' },
  },
  {
    collection: 'organisations',
    field: 'code',
    read: row('none', 'own', 'own', 'own', 'own', 'all'),
    write: row('none', 'none', 'none', 'none', 'none', 'all'),
  },
  {
    collection: 'audit-events',
    field: 'changes',
    read: row('none', 'ownAlgorithmEvents', 'ownAlgorithmEvents', 'own', 'own', 'all'),
    write: row('none', 'none', 'none', 'none', 'none', 'none'),
  },
]

/** A document an operation is tried on. */
export interface TargetShape {
  /**
   * `doc`: a document of an organisation (or a new one created in it); `self`: the actor's own
   * account; `otherEvent`: an audit event that is not about an algorithm; `global`: something
   * that belongs to no organisation (a new organisation, a job); `payloadVersions`: Payload's
   * version endpoint of the collection.
   */
  kind: 'doc' | 'self' | 'otherEvent' | 'global' | 'payloadVersions'
  org: OrganisationKey | null
}

/** Whether `scope` lets `actor` reach `target`. */
export function scopeAllows(scope: Scope, actor: Actor, target: TargetShape): boolean {
  if (target.kind === 'payloadVersions') return !PAYLOAD_VERSIONS_REFUSED
  const home = ACTORS[actor].home
  const inHome = home !== null && target.org === home
  switch (scope) {
    case 'none':
      return false
    case 'all':
      return true
    case 'self':
      return target.kind === 'self'
    case 'own':
      return target.kind === 'self' || (target.kind !== 'global' && inHome)
    case 'ownNotSelf':
      return target.kind !== 'self' && target.kind !== 'global' && inHome
    case 'ownAlgorithmEvents':
      return target.kind === 'doc' && inHome
  }
}

/** The scope the table gives `actor` for an operation on a collection. */
export function collectionScope(
  collection: CollectionSlug,
  operation: Operation,
  actor: Actor,
): Scope {
  return COLLECTION_RULES[collection][operation][ACTORS[actor].role]
}

function tableRow(label: string, perRole: PerRole): string {
  return `| ${[label, ...ROLES.map((role) => SCOPE_LABELS[perRole[role]])].join(' | ')} |`
}

/**
 * The README's "who may do what" table (markdown): rows are actions, columns roles. The
 * readme test parses the README and compares it cell by cell with this rendering.
 */
export function renderAccessTable(): string {
  const lines = [
    `| ${['Action', ...ROLES.map((role) => ROLE_LABELS[role])].join(' | ')} |`,
    `| ${['---', ...ROLES.map(() => '---')].join(' | ')} |`,
  ]
  for (const collection of COLLECTIONS) {
    for (const operation of OPERATIONS) {
      const note = COLLECTION_NOTES[collection]?.[operation]
      const label = `${COLLECTION_LABELS[collection]}: ${OPERATION_LABELS[operation]}${note ? ` (${note})` : ''}`
      lines.push(tableRow(label, COLLECTION_RULES[collection][operation]))
    }
  }
  for (const rule of FIELD_RULES) {
    for (const access of ['read', 'write'] as const) {
      const note = rule.notes?.[access] ? ` (${rule.notes[access]})` : ''
      const label = `Field ${rule.collection}.${rule.field}: ${access}${note}`
      lines.push(tableRow(label, rule[access]))
    }
  }
  return lines.join('\n')
}
