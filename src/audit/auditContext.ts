/**
 * Request-context keys that switch the generic audit hooks off for one nested write, because
 * the caller records a more specific event itself (a workflow transition, an import).
 */
export const SKIP_GENERIC_AUDIT = 'registerSkipGenericAudit'

/** Fields never written into the history: timestamps and secrets of the auth collection. */
export const AUDIT_IGNORED_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'hash',
  'salt',
  'password',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'resetPasswordToken',
  'resetPasswordExpiration',
  '_verified',
  '_verificationToken',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
] as const
