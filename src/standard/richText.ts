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

const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'xmp',
])

const VOID_ELEMENTS = new Set([
  'br',
  'hr',
  'img',
  'wbr',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'track',
  'param',
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

// Starting one of these closes an open <p>, as in browsers.
const CLOSES_PARAGRAPH = new Set([...BLOCK_ELEMENTS, 'ul', 'ol', 'li'])

// ---------------------------------------------------------------------------------------------
// HTML tokens

type HtmlToken =
  | { kind: 'text'; raw: string }
  | { kind: 'rawText'; raw: string }
  | { kind: 'start'; name: string; attributes: string[] }
  | { kind: 'end'; name: string }
  | { kind: 'comment' }
  | { kind: 'declaration'; label: string }

const isAsciiLetter = (char: string | undefined): boolean =>
  char !== undefined && /^[A-Za-z]$/.test(char)

const isHtmlSpace = (char: string): boolean => /^[ \t\n\r\f]$/.test(char)

const readTagName = (html: string, from: number): { name: string; end: number } => {
  let end = from
  while (end < html.length && /[A-Za-z0-9:_-]/.test(html[end])) end += 1
  return { name: html.slice(from, end).toLowerCase(), end }
}

/** Reads attributes up to the closing '>' (quotes respected); returns their names. */
const readAttributes = (html: string, from: number): { attributes: string[]; end: number } => {
  const attributes: string[] = []
  let i = from
  while (i < html.length) {
    const char = html[i]
    if (char === '>') return { attributes, end: i + 1 }
    if (isHtmlSpace(char) || char === '/') {
      i += 1
      continue
    }
    let nameEnd = i
    while (nameEnd < html.length && !/[\s/>=]/.test(html[nameEnd])) nameEnd += 1
    // A lone '=' is not an attribute name; skip it like browsers do.
    if (nameEnd === i) nameEnd = i + 1
    const name = html.slice(i, nameEnd).toLowerCase()
    if (name !== '=') attributes.push(name)
    i = nameEnd
    while (i < html.length && isHtmlSpace(html[i])) i += 1
    if (html[i] === '=') {
      i += 1
      while (i < html.length && isHtmlSpace(html[i])) i += 1
      const quote = html[i]
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1)
        i = close === -1 ? html.length : close + 1
      } else {
        while (i < html.length && !/[\s>]/.test(html[i])) i += 1
      }
    }
  }
  return { attributes, end: html.length }
}

const tokenise = (html: string): HtmlToken[] => {
  const tokens: HtmlToken[] = []
  let i = 0
  let textStart = 0
  const flushText = (end: number): void => {
    if (end > textStart) tokens.push({ kind: 'text', raw: html.slice(textStart, end) })
  }
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt === -1) break
    const next = html[lt + 1]
    if (html.startsWith('<!--', lt)) {
      flushText(lt)
      const close = html.indexOf('-->', lt + 4)
      tokens.push({ kind: 'comment' })
      i = close === -1 ? html.length : close + 3
    } else if (next === '!' || next === '?') {
      flushText(lt)
      const cdata = html.startsWith('<![CDATA[', lt)
      const close = cdata ? html.indexOf(']]>', lt) : html.indexOf('>', lt)
      const label = cdata
        ? '<![CDATA[>'
        : next === '?'
          ? '<?>'
          : `<!${readTagName(html, lt + 2).name || '-'}>`
      tokens.push({ kind: 'declaration', label })
      i = close === -1 ? html.length : close + (cdata ? 3 : 1)
    } else if (next === '/' && isAsciiLetter(html[lt + 2])) {
      flushText(lt)
      const { name, end } = readTagName(html, lt + 2)
      const close = html.indexOf('>', end)
      tokens.push({ kind: 'end', name })
      i = close === -1 ? html.length : close + 1
    } else if (isAsciiLetter(next)) {
      flushText(lt)
      const { name, end } = readTagName(html, lt + 1)
      const { attributes, end: tagEnd } = readAttributes(html, end)
      tokens.push({ kind: 'start', name, attributes })
      i = tagEnd
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const closeMatch = new RegExp(`</${name}[\\s/>]`, 'i').exec(html.slice(i))
        const rawEnd = closeMatch ? i + closeMatch.index : html.length
        if (rawEnd > i) tokens.push({ kind: 'rawText', raw: html.slice(i, rawEnd) })
        i = rawEnd
      }
    } else {
      // A '<' that does not start a tag is text, as in browsers.
      i = lt + 1
      continue
    }
    textStart = i
  }
  flushText(html.length)
  return tokens
}

// ---------------------------------------------------------------------------------------------
// Entities

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  bull: '•',
  middot: '·',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  para: '¶',
  sect: '§',
  times: '×',
  divide: '÷',
  plusmn: '±',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup2: '²',
  sup3: '³',
  micro: 'µ',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  iacute: 'í',
  igrave: 'ì',
  icirc: 'î',
  iuml: 'ï',
  oacute: 'ó',
  ograve: 'ò',
  ocirc: 'ô',
  ouml: 'ö',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  ccedil: 'ç',
  ntilde: 'ñ',
  szlig: 'ß',
  Aacute: 'Á',
  Agrave: 'À',
  Auml: 'Ä',
  Eacute: 'É',
  Egrave: 'È',
  Euml: 'Ë',
  Iuml: 'Ï',
  Oacute: 'Ó',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Ccedil: 'Ç',
  zwj: '\u200d',
  zwnj: '\u200c',
}

// Browsers accept these few without the closing semicolon.
const LEGACY_WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp'])

const codePointText = (codePoint: number): string =>
  codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff)
    ? String.fromCodePoint(codePoint)
    : '\ufffd'

const decodeEntities = (text: string): string =>
  text.replace(
    /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*))(;?)/g,
    (match: string, dec?: string, hex?: string, name?: string, semicolon?: string) => {
      if (dec !== undefined) return codePointText(Number.parseInt(dec, 10))
      if (hex !== undefined) return codePointText(Number.parseInt(hex, 16))
      if (name !== undefined && Object.hasOwn(NAMED_ENTITIES, name)) {
        if (semicolon || LEGACY_WITHOUT_SEMICOLON.has(name)) {
          return NAMED_ENTITIES[name]
        }
      }
      return match
    },
  )

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

// ---------------------------------------------------------------------------------------------
// HTML → document tree (tolerant, with the implied closing rules browsers use for p and li)

const parseHtml = (html: string): DocElement => {
  const root: DocElement = { name: '#root', children: [] }
  const stack: DocElement[] = [root]
  const current = (): DocElement => stack[stack.length - 1]
  const popTo = (index: number): void => {
    stack.length = index
  }
  const findOpen = (name: string, stopAt: ReadonlySet<string>): number => {
    for (let i = stack.length - 1; i > 0; i -= 1) {
      if (stack[i].name === name) return i
      if (stopAt.has(stack[i].name)) return -1
    }
    return -1
  }
  const listScope = new Set(['ul', 'ol', 'td', 'th', 'table'])
  const noScope = new Set<string>()

  for (const token of tokenise(html)) {
    if (token.kind === 'text') {
      current().children.push({ text: decodeEntities(token.raw) })
    } else if (token.kind === 'rawText') {
      current().children.push({ text: token.raw })
    } else if (token.kind === 'start') {
      const { name } = token
      if (CLOSES_PARAGRAPH.has(name)) {
        const open = findOpen('p', listScope)
        if (open !== -1) popTo(open)
      }
      if (name === 'li') {
        const open = findOpen('li', listScope)
        if (open !== -1) popTo(open)
      }
      const node: DocElement = { name, children: [] }
      current().children.push(node)
      if (!VOID_ELEMENTS.has(name)) stack.push(node)
    } else if (token.kind === 'end') {
      if (token.name === 'br') {
        // Browsers read </br> as <br>.
        current().children.push({ name: 'br', children: [] })
        continue
      }
      const open = findOpen(token.name, noScope)
      if (open !== -1) popTo(open)
    }
  }
  return root
}

// ---------------------------------------------------------------------------------------------
// Lexical JSON (anything) → document tree

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const childrenOf = (node: Record<string, unknown>): unknown[] =>
  Array.isArray(node.children) ? node.children : []

const lexicalToDoc = (node: unknown): DocNode | null => {
  if (!isRecord(node)) return null
  const type = node.type
  const children = (): DocNode[] =>
    childrenOf(node)
      .map(lexicalToDoc)
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
 * 'attribuut onclick'), comments ('commentaar'), declarations ('<!doctype>', '<?>',
 * '<![CDATA[>') and script URLs ('javascript:', 'vbscript:'). Empty when the HTML is fine.
 */
export function findDisallowedHtml(html: string): string[] {
  if (typeof html !== 'string' || html === '') return []
  const problems = new Set<string>()
  const allowed: ReadonlySet<string> = new Set(ALLOWED_HTML_TAGS)
  for (const token of tokenise(html)) {
    if (token.kind === 'start' || token.kind === 'end') {
      if (!allowed.has(token.name)) problems.add(`<${token.name}>`)
      if (token.kind === 'start') {
        for (const attribute of token.attributes) problems.add(`attribuut ${attribute}`)
      }
    } else if (token.kind === 'comment') {
      problems.add('commentaar')
    } else if (token.kind === 'declaration') {
      problems.add(token.label)
    }
  }
  // Entities and control characters are a known way to hide a script URL.
  const flattened = decodeEntities(html).replace(/[\u0000-\u0020]+/g, '')
  for (const scheme of ['javascript:', 'vbscript:']) {
    if (flattened.toLowerCase().includes(scheme)) problems.add(scheme)
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

  const visit = (node: unknown, parentType: string | null): void => {
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
      visit(child, allowed.has(type) ? type : null)
    }
  }

  if (state.root.type !== 'root') structure(`root heeft type ${String(state.root.type)}`)
  visit({ ...state.root, type: 'root' }, null)
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
  let text = ''
  for (const token of tokenise(html)) {
    if (token.kind === 'text') text += decodeEntities(token.raw)
    else if (token.kind === 'rawText') text += token.raw
  }
  return Array.from(text.replace(/[\r\n]/g, '')).length
}
