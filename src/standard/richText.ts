/**
 * The bridge between Payload's Lexical editor state and the restricted HTML of the publication
 * standard (only div, br, p, ul, ol, li; no attributes).
 *
 * Both directions go through one small document model (blocks of inline text and line breaks,
 * and lists of items), so HTML → Lexical → HTML and Lexical → HTML → Lexical agree. Formatting
 * the standard cannot carry (bold, links, headings, alignment, indentation) is dropped and the
 * text is kept; checks that refuse such input are separate (`findDisallowedHtml`,
 * `findDisallowedLexical`) so that callers can tell editors exactly what is wrong.
 */

import { Parser } from 'htmlparser2'

import { ALLOWED_HTML_TAGS } from './publicationStandard'

/** Element alignment as Lexical stores it. */
export type LexicalElementFormat = 'left' | 'start' | 'center' | 'right' | 'end' | 'justify' | ''

/** Properties Lexical stores on every element node. */
export type LexicalElementBase = {
  direction: 'ltr' | 'rtl' | null
  format: LexicalElementFormat
  indent: number
  version: number
}

/** A run of text. `format` is Lexical's bit set (bold, italic, …); `style` inline CSS. */
export type LexicalTextNode = {
  type: 'text'
  detail: number
  format: number
  mode: 'normal' | 'token' | 'segmented'
  style: string
  text: string
  version: number
}

/** A line break inside a paragraph or list item (`<br>`). */
export type LexicalLineBreakNode = { type: 'linebreak'; version: number }

/** Nodes that live inside paragraphs and list items. */
export type LexicalInlineNode = LexicalTextNode | LexicalLineBreakNode

/** A paragraph (`<p>`). */
export type LexicalParagraphNode = LexicalElementBase & {
  type: 'paragraph'
  children: LexicalInlineNode[]
  textFormat: number
  textStyle: string
}

/**
 * A list item (`<li>`). A nested list lives in a list item of its own whose only child is the
 * list, as Lexical's list plugin builds it; such an item does not advance `value`.
 */
export type LexicalListItemNode = LexicalElementBase & {
  type: 'listitem'
  value: number
  children: (LexicalInlineNode | LexicalListNode)[]
}

/** A bulleted (`<ul>`) or numbered (`<ol>`) list. */
export type LexicalListNode = LexicalElementBase & {
  type: 'list'
  listType: 'bullet' | 'number'
  start: number
  tag: 'ul' | 'ol'
  children: LexicalListItemNode[]
}

/** Nodes allowed directly under the root. */
export type LexicalBlockNode = LexicalParagraphNode | LexicalListNode

/** The root node. */
export type LexicalRootNode = LexicalElementBase & {
  type: 'root'
  children: LexicalBlockNode[]
}

/**
 * A Lexical editor state restricted to what the standard can express. Values read from the
 * database are `unknown` until checked with {@link findDisallowedLexical} or passed through
 * {@link normaliseLexical}.
 */
export type LexicalState = { root: LexicalRootNode }

/** Lexical node types that can be expressed in the standard's HTML. */
export const ALLOWED_LEXICAL_NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'list',
  'listitem',
  // A tab is a text node holding '\t'; refusing it would punish a key press.
  'tab',
] as const

// ---------------------------------------------------------------------------------------------
// Building Lexical nodes (the one place that decides what a normalised node looks like)

const element = { direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 }

const textNode = (text: string): LexicalTextNode => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  version: 1,
})

const lineBreakNode = (): LexicalLineBreakNode => ({ type: 'linebreak', version: 1 })

const paragraphNode = (children: LexicalInlineNode[]): LexicalParagraphNode => ({
  type: 'paragraph',
  children,
  ...element,
  textFormat: 0,
  textStyle: '',
})

const listNode = (tag: 'ul' | 'ol', items: LexicalListItemNode[]): LexicalListNode => {
  // Same numbering as Lexical's list plugin: items holding only a nested list share the number
  // of the item that follows them.
  let value = 1
  for (const item of items) {
    item.value = value
    if (!isWrapperItem(item)) value += 1
  }
  return {
    type: 'list',
    children: items,
    ...element,
    listType: tag === 'ol' ? 'number' : 'bullet',
    start: 1,
    tag,
  }
}

// Lexical stores the nesting depth of an item as its indent.
const listItemNode = (
  children: LexicalListItemNode['children'],
  depth: number,
): LexicalListItemNode => ({
  type: 'listitem',
  children,
  ...element,
  indent: depth,
  value: 1,
})

const rootNode = (children: LexicalBlockNode[]): LexicalRootNode => ({
  type: 'root',
  children,
  ...element,
})

const isWrapperItem = (item: LexicalListItemNode): boolean =>
  item.children.length > 0 && item.children[0].type === 'list'

// ---------------------------------------------------------------------------------------------
// A small document tree that both HTML and Lexical input are turned into

type DocText = { text: string }
type DocElement = { name: string; children: DocNode[] }
type DocNode = DocText | DocElement

const isDocText = (node: DocNode): node is DocText => 'text' in node

// Elements whose content is never text for readers.
const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'textarea',
  'select',
  'head',
  'title',
  'xmp',
  'img',
  'video',
  'audio',
  'canvas',
])

// Elements treated as a block boundary (like div) when converting tolerant input.
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'address',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'dl',
  'dt',
  'dd',
  'center',
  'form',
  'fieldset',
  'details',
  'summary',
  'hr',
  'body',
  'html',
])

// ---------------------------------------------------------------------------------------------
// HTML → document tree, read by htmlparser2 (entities, implied closing of p and li, raw text of
// script and style, void elements: all as the library's HTML tokenizer does it)

/**
 * How deeply elements (HTML tags or Lexical nodes, the root included) may be nested. Ten levels of
 * lists need 22; nobody writes more. Deeper input is refused with the field's name
 * ({@link findDisallowedHtml}, {@link findDisallowedLexical}) and cut off by the conversions, so
 * that no input can exhaust the stack of the code that walks the tree.
 */
export const MAX_NESTING_DEPTH = 25

/** The problem reported for input nested deeper than {@link MAX_NESTING_DEPTH}. */
export const TOO_DEEP = `ongeldige structuur: dieper genest dan ${MAX_NESTING_DEPTH} niveaus`

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const appendText = (parent: DocElement, text: string): void => {
  const last = parent.children[parent.children.length - 1]
  if (last && isDocText(last)) last.text += text
  else parent.children.push({ text })
}

/** The element tree of `html`; elements nested deeper than the limit give their text only. */
const parseHtml = (html: string): DocElement => {
  const root: DocElement = { name: '#root', children: [] }
  const stack: DocElement[] = [root]
  // htmlparser2 pairs every open event with a close event, so counting is enough.
  let ignored = 0
  const parser = new Parser(
    {
      onopentag(name) {
        if (stack.length >= MAX_NESTING_DEPTH) {
          ignored += 1
          return
        }
        const node: DocElement = { name, children: [] }
        stack[stack.length - 1].children.push(node)
        stack.push(node)
      },
      onclosetag() {
        if (ignored > 0) ignored -= 1
        else if (stack.length > 1) stack.pop()
      },
      ontext(text) {
        appendText(stack[stack.length - 1], text)
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return root
}

/** What {@link scanHtml} saw. */
interface HtmlScan {
  /** Markup outside the standard, in order of appearance (repeats included). */
  problems: string[]
  /** Decoded text and attribute values, in order (where a script URL could hide). */
  values: string[]
  /** Decoded text outside tags, comments and declarations. */
  content: string
  /** The deepest element nesting seen, the root counted as 1. */
  deepest: number
}

/**
 * htmlparser2 reports end tags only for elements that are open; an editor should also hear of
 * a stray `</span>`. The parser reads the whole string in one piece, so its offsets are offsets
 * in `source`.
 */
class EndTagParser extends Parser {
  constructor(
    private readonly source: string,
    private readonly onEndTag: (name: string) => void,
    handler: ConstructorParameters<typeof Parser>[0],
  ) {
    super(handler, { decodeEntities: true })
  }

  override onclosetag(start: number, endIndex: number): void {
    this.onEndTag(this.source.slice(start, endIndex).trim().toLowerCase())
    super.onclosetag(start, endIndex)
  }
}

const ALLOWED_TAGS: ReadonlySet<string> = new Set(ALLOWED_HTML_TAGS)

const scanHtml = (html: string): HtmlScan => {
  const scan: HtmlScan = { problems: [], values: [], content: '', deepest: 1 }
  const tag = (name: string) => {
    if (!ALLOWED_TAGS.has(name)) scan.problems.push(`<${name}>`)
  }
  let depth = 1
  const parser: Parser = new EndTagParser(html, tag, {
    onopentag(name, attributes) {
      tag(name)
      for (const [attribute, value] of Object.entries(attributes)) {
        scan.problems.push(`attribuut ${attribute}`)
        scan.values.push(value)
      }
      depth += 1
      scan.deepest = Math.max(scan.deepest, depth)
    },
    onclosetag() {
      depth -= 1
    },
    ontext(text) {
      // An unfinished tag at the very end ("<script") reaches us as text without its '<'.
      const unfinished = /^<([A-Za-z][A-Za-z0-9:_-]*)$/.exec(
        html.slice(parser.startIndex, parser.endIndex + 1),
      )
      if (unfinished && parser.endIndex + 1 >= html.length) {
        tag(unfinished[1].toLowerCase())
        return
      }
      scan.values.push(text)
      scan.content += text
    },
    oncomment() {
      scan.problems.push('commentaar')
    },
    onprocessinginstruction(name) {
      scan.problems.push(name.startsWith('!') ? `<${name.toLowerCase()}>` : '<?>')
    },
  })
  parser.end(html)
  return scan
}

// ---------------------------------------------------------------------------------------------
// Lexical JSON (anything) → document tree

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const childrenOf = (node: Record<string, unknown>): unknown[] =>
  Array.isArray(node.children) ? node.children : []

// Nodes deeper than the limit are left out; findDisallowedLexical refuses such input.
const lexicalToDoc = (node: unknown, depth = 1): DocNode | null => {
  if (!isRecord(node) || depth > MAX_NESTING_DEPTH) return null
  const type = node.type
  const children = (): DocNode[] =>
    childrenOf(node)
      .map((child) => lexicalToDoc(child, depth + 1))
      .filter((child): child is DocNode => child !== null)
  switch (type) {
    case 'root':
      return { name: '#root', children: children() }
    case 'paragraph':
    case 'heading':
    case 'quote':
    case 'code':
      return { name: 'p', children: children() }
    case 'list':
      return {
        name: node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul',
        children: children(),
      }
    case 'listitem':
      return { name: 'li', children: children() }
    case 'linebreak':
      return { name: 'br', children: [] }
    case 'text':
    case 'tab':
      return typeof node.text === 'string' ? { text: node.text } : null
    default:
      // Links, marks and other inline wrappers keep their text; nodes without text go.
      if (Array.isArray(node.children)) return { name: 'span', children: children() }
      return typeof node.text === 'string' ? { text: node.text } : null
  }
}

// ---------------------------------------------------------------------------------------------
// Document tree → normalised Lexical

type Piece = { kind: 'text'; text: string } | { kind: 'br' } | { kind: 'boundary' }

const ASCII_SPACE_RUN = /[ \t\n\r\f]+/g

/**
 * Turns a run of inline pieces into Lexical children, collapsing white space as browsers do:
 * runs of ASCII white space become one space, and spaces at the start or end of a line go. A
 * block boundary inside a list item becomes a single line break; line breaks at the start or end
 * of a block are invisible in HTML and are dropped.
 */
const inlineChildren = (pieces: readonly Piece[]): LexicalInlineNode[] => {
  const items: Piece[] = []
  for (const piece of pieces) {
    const last = items[items.length - 1]
    if (piece.kind === 'text') {
      const text = piece.text.replace(ASCII_SPACE_RUN, ' ')
      if (last && last.kind === 'text') last.text += text
      else items.push({ kind: 'text', text })
    } else {
      items.push({ ...piece })
    }
  }
  // Collapse the space between pieces ("a " + " b") and trim at line edges.
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]
    if (item.kind !== 'text') continue
    item.text = item.text.replace(/ {2,}/g, ' ')
    const before = items[i - 1]
    const after = items[i + 1]
    if (!before || before.kind !== 'text') item.text = item.text.replace(/^ /, '')
    if (!after || after.kind !== 'text') item.text = item.text.replace(/ $/, '')
  }
  const kept = items.filter((item) => item.kind !== 'text' || item.text !== '')

  const out: LexicalInlineNode[] = []
  let pendingBoundary = false
  for (let i = 0; i < kept.length; i += 1) {
    const item = kept[i]
    if (item.kind === 'boundary') {
      // A <br> right before a block boundary is invisible, as at the end of any block.
      if (out.length > 0 && out[out.length - 1].type === 'linebreak' && !pendingBoundary) out.pop()
      pendingBoundary = out.length > 0
      continue
    }
    if (pendingBoundary) {
      out.push(lineBreakNode())
      pendingBoundary = false
    }
    if (item.kind === 'br') out.push(lineBreakNode())
    else out.push(textNode(item.text))
  }
  while (out.length > 0 && out[0].type === 'linebreak') out.shift()
  while (out.length > 0 && out[out.length - 1].type === 'linebreak') out.pop()
  // Word and other editors fill "empty" paragraphs with &nbsp;; those are empty too.
  return out.some((node) => node.type === 'text' && /\S/.test(node.text)) ? out : []
}

const listFromDoc = (list: DocElement, depth: number): LexicalListNode | null => {
  const items: LexicalListItemNode[] = []
  for (const child of list.children) {
    if (isDocText(child) && child.text.trim() === '') continue
    // Stray content directly in a list becomes an item of its own, as Lexical does.
    const item =
      !isDocText(child) && child.name === 'li' ? child : { name: 'li', children: [child] }
    items.push(...itemsFromDoc(item, depth))
  }
  if (items.length === 0) return null
  return listNode(list.name === 'ol' ? 'ol' : 'ul', items)
}

const itemsFromDoc = (li: DocElement, depth: number): LexicalListItemNode[] => {
  const items: LexicalListItemNode[] = []
  let pieces: Piece[] = []
  const flush = (): void => {
    const children = inlineChildren(pieces)
    if (children.length > 0) items.push(listItemNode(children, depth))
    pieces = []
  }
  const walk = (nodes: readonly DocNode[]): void => {
    for (const node of nodes) {
      if (isDocText(node)) {
        pieces.push({ kind: 'text', text: node.text })
      } else if (node.name === 'ul' || node.name === 'ol') {
        flush()
        const nested = listFromDoc(node, depth + 1)
        if (nested) items.push(listItemNode([nested], depth))
      } else if (node.name === 'br') {
        pieces.push({ kind: 'br' })
      } else if (DROPPED_ELEMENTS.has(node.name)) {
        continue
      } else if (BLOCK_ELEMENTS.has(node.name) || node.name === 'li') {
        pieces.push({ kind: 'boundary' })
        walk(node.children)
        pieces.push({ kind: 'boundary' })
      } else {
        walk(node.children)
      }
    }
  }
  walk(li.children)
  flush()
  return items
}

const blocksFromDoc = (root: DocElement): LexicalBlockNode[] => {
  const blocks: LexicalBlockNode[] = []
  let pieces: Piece[] = []
  const flush = (): void => {
    const children = inlineChildren(pieces)
    if (children.length > 0) blocks.push(paragraphNode(children))
    pieces = []
  }
  const walk = (nodes: readonly DocNode[]): void => {
    for (const node of nodes) {
      if (isDocText(node)) {
        pieces.push({ kind: 'text', text: node.text })
      } else if (node.name === 'ul' || node.name === 'ol') {
        flush()
        const list = listFromDoc(node, 0)
        if (list) blocks.push(list)
      } else if (node.name === 'br') {
        pieces.push({ kind: 'br' })
      } else if (DROPPED_ELEMENTS.has(node.name)) {
        continue
      } else if (BLOCK_ELEMENTS.has(node.name) || node.name === 'li' || node.name === '#root') {
        flush()
        walk(node.children)
        flush()
      } else {
        walk(node.children)
      }
    }
  }
  walk(root.children)
  flush()
  return blocks
}

const stateFromDoc = (root: DocElement): LexicalState => {
  const blocks = blocksFromDoc(root)
  return blocks.length > 0 ? { root: rootNode(blocks) } : emptyLexicalState()
}

// ---------------------------------------------------------------------------------------------
// Normalised Lexical → HTML and text

const inlineHtml = (nodes: readonly (LexicalInlineNode | LexicalListNode)[]): string =>
  nodes
    .map((node) =>
      node.type === 'text' ? escapeHtml(node.text) : node.type === 'linebreak' ? '<br>' : '',
    )
    .join('')

const listHtml = (list: LexicalListNode): string => {
  let html = ''
  let open = false
  for (const item of list.children) {
    if (isWrapperItem(item)) {
      // A nested list belongs inside the item before it, the way HTML nests lists.
      if (!open) html += '<li>'
      open = true
      html += listHtml(item.children[0] as LexicalListNode)
      continue
    }
    if (open) html += '</li>'
    html += `<li>${inlineHtml(item.children)}`
    open = true
  }
  if (open) html += '</li>'
  return `<${list.tag}>${html}</${list.tag}>`
}

const stateHtml = (state: LexicalState): string =>
  state.root.children
    // The empty state keeps one empty paragraph for Lexical; it has no HTML.
    .filter((block) => block.children.length > 0)
    .map((block) =>
      block.type === 'paragraph' ? `<p>${inlineHtml(block.children)}</p>` : listHtml(block),
    )
    .join('')

const inlineText = (nodes: readonly (LexicalInlineNode | LexicalListNode)[]): string =>
  nodes
    .map((node) => (node.type === 'text' ? node.text : node.type === 'linebreak' ? '\n' : ''))
    .join('')

const listLines = (list: LexicalListNode): string[] =>
  list.children.flatMap((item) =>
    isWrapperItem(item)
      ? listLines(item.children[0] as LexicalListNode)
      : [inlineText(item.children)],
  )

const stateText = (state: LexicalState): string => {
  const lines = state.root.children.flatMap((block) =>
    block.type === 'paragraph' ? [inlineText(block.children)] : listLines(block),
  )
  return lines
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Brings any Lexical value into the shape the standard can express: paragraphs and (nested)
 * lists of plain text and line breaks. Text formatting, styles, alignment, indentation and list
 * numbering offsets are dropped; headings and quotes become paragraphs; links and other inline
 * wrappers keep their text; nodes without text (uploads, relationships, …) are dropped. White
 * space is collapsed as HTML would show it, adjacent text is merged, empty paragraphs, items and
 * lists are removed. Anything that is not an editor state gives an empty state.
 */
export function normaliseLexical(state: unknown): LexicalState {
  // The root is taken as a root whatever its type says; findDisallowedLexical reports that.
  const root =
    isRecord(state) && isRecord(state.root) ? lexicalToDoc({ ...state.root, type: 'root' }) : null
  if (root === null || isDocText(root) || root.name !== '#root') return emptyLexicalState()
  return stateFromDoc(root)
}

/**
 * An editor state without content: one empty paragraph, because Lexical refuses a root without
 * children. Elements without text have no direction, as Lexical stores them.
 */
export function emptyLexicalState(): LexicalState {
  return {
    root: {
      ...rootNode([{ ...paragraphNode([]), direction: null }]),
      direction: null,
    },
  }
}

/**
 * The standard's HTML for a Lexical value: only p, br, ul, ol and li, no attributes, text
 * escaped (& < > " '), empty paragraphs left out. The value is normalised first (see
 * {@link normaliseLexical}), so formatting is silently dropped; check with
 * {@link findDisallowedLexical} first when editors should be told. null/undefined give ''.
 */
export function lexicalToHtml(state: unknown): string {
  return stateHtml(normaliseLexical(state))
}

/**
 * A normalised Lexical state for the standard's HTML. Tolerant: other tags are treated as
 * their browser meaning would suggest (block tags split paragraphs, inline tags keep their
 * text, script/style and similar are dropped), entities are decoded and white space collapses as
 * in HTML. Refuse unwanted input separately with {@link findDisallowedHtml}.
 */
export function htmlToLexical(html: string): LexicalState {
  return stateFromDoc(parseHtml(typeof html === 'string' ? html : ''))
}

/**
 * Problems that make `html` unacceptable for the standard, each listed once in order of first
 * appearance: tags other than div/br/p/ul/ol/li (as '<script>'), attributes (as
 * 'attribuut onclick'), comments ('commentaar'), declarations ('<!doctype>'; '<?…?>' and CDATA are
 * read as comments), elements nested deeper than {@link MAX_NESTING_DEPTH} ({@link TOO_DEEP})
 * and script URLs ('javascript:', 'vbscript:'). Empty when the HTML is fine.
 */
export function findDisallowedHtml(html: string): string[] {
  if (typeof html !== 'string' || html === '') return []
  const scan = scanHtml(html)
  const problems = new Set(scan.problems)
  if (scan.deepest > MAX_NESTING_DEPTH) problems.add(TOO_DEEP)
  // Entities and control characters are a known way to hide a script URL.
  const flattened = scan.values
    .join('')
    .replace(/[\u0000-\u0020]+/g, '')
    .toLowerCase()
  for (const scheme of ['javascript:', 'vbscript:']) {
    if (flattened.includes(scheme)) problems.add(scheme)
  }
  return [...problems]
}

/**
 * Problems that make a Lexical value unacceptable for the standard: node types other than
 * root, paragraph, text, linebreak, list, listitem (and tab), listed by type name once each
 * (e.g. 'heading', 'link', 'upload'); 'checklist' for check lists; and structural problems
 * starting with 'ongeldige structuur: '. Empty when the value is fine. null/undefined (an empty
 * field) are fine.
 */
export function findDisallowedLexical(state: unknown): string[] {
  if (state === null || state === undefined) return []
  const problems = new Set<string>()
  const structure = (text: string): void => {
    problems.add(`ongeldige structuur: ${text}`)
  }
  if (!isRecord(state) || !isRecord(state.root)) {
    structure('geen root')
    return [...problems]
  }
  const allowed: ReadonlySet<string> = new Set(ALLOWED_LEXICAL_NODE_TYPES)
  const blockTypes = new Set(['paragraph', 'list'])
  const inlineTypes = new Set(['text', 'linebreak', 'tab'])
  const permittedChildren: Readonly<Record<string, ReadonlySet<string>>> = {
    root: blockTypes,
    paragraph: inlineTypes,
    list: new Set(['listitem']),
    listitem: new Set([...inlineTypes, 'list']),
  }

  const visit = (node: unknown, parentType: string | null, depth: number): void => {
    if (depth > MAX_NESTING_DEPTH) {
      problems.add(TOO_DEEP)
      return
    }
    if (!isRecord(node) || typeof node.type !== 'string') {
      structure('node zonder type')
      return
    }
    const type = node.type
    if (!allowed.has(type)) {
      problems.add(type)
    } else if (parentType !== null) {
      const permitted = permittedChildren[parentType]
      if (permitted && !permitted.has(type)) structure(`${type} in ${parentType}`)
    }
    if (type === 'root' && parentType !== null) structure('root in root')
    if ((type === 'text' || type === 'tab') && typeof node.text !== 'string') {
      structure('text zonder tekst')
    }
    if (type === 'list' && node.listType === 'check') problems.add('checklist')
    const elementType = type in permittedChildren
    if (elementType && !Array.isArray(node.children)) {
      structure(`${type} zonder children`)
      return
    }
    for (const child of childrenOf(node)) {
      // Children of a refused node are checked for their own type only; the node is reported.
      visit(child, allowed.has(type) ? type : null, depth + 1)
    }
  }

  if (state.root.type !== 'root') structure(`root heeft type ${String(state.root.type)}`)
  visit({ ...state.root, type: 'root' }, null, 1)
  return [...problems]
}

/**
 * The text of `html` as the national CSV export carries it: every paragraph, list item and
 * line break on its own line, white space collapsed as in HTML (non-breaking spaces become
 * ordinary spaces), each line trimmed, blank lines left out.
 */
export function htmlToText(html: string): string {
  return stateText(htmlToLexical(html))
}

/** The text of a Lexical value, the same as `htmlToText(lexicalToHtml(state))`. */
export function lexicalPlainText(state: unknown): string {
  return stateText(normaliseLexical(state))
}

/**
 * A Lexical state for stripped text (as found in CSV exports): each non-empty line becomes a
 * paragraph. Lines are not guessed to be list items, so that text → Lexical → HTML → text
 * gives the same text back.
 */
export function textToLexical(text: string): LexicalState {
  const lines = (typeof text === 'string' ? text : '').split(/\r\n|\r|\n/)
  const root: DocElement = {
    name: '#root',
    children: lines.map((line) => ({ name: 'p', children: [{ text: line }] })),
  }
  return stateFromDoc(root)
}

/**
 * The length used for the standard's maximum lengths: the number of characters (Unicode code
 * points) after removing every tag and comment and decoding entities. Line breaks (\n, \r) do
 * not count; other white space counts as written. For HTML made by {@link lexicalToHtml} this
 * is exactly the number of characters of text an editor typed, line breaks excluded.
 */
export function strippedLength(html: string): number {
  if (typeof html !== 'string' || html === '') return 0
  return Array.from(scanHtml(html).content.replace(/[\r\n]/g, '')).length
}
