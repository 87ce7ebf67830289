/**
 * Characters no text in the register may contain: C0 control characters other than tab, line
 * feed and carriage return (PostgreSQL refuses NUL outright: error 22021), the non-characters
 * U+FFFE and U+FFFF, and UTF-16 surrogates that are not part of a pair.
 */
const FORBIDDEN_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether `text` holds a character the register refuses (see {@link FORBIDDEN_CHARACTER}). */
export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN_CHARACTER.test(text)
}

/**
 * The deepest nesting of objects and arrays in JSON text, found by counting brackets outside
 * strings: no recursion, so a body nested 100,000 deep cannot overflow the stack while it is
 * being checked. Stops counting (and returns) as soon as `limit` is exceeded.
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 0x5c)
        i++ // backslash: skip the escaped character
      else if (code === 0x22) inString = false
    } else if (code === 0x22) {
      inString = true
    } else if (code === 0x7b || code === 0x5b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (code === 0x7d || code === 0x5d) {
      depth--
    }
  }
  return deepest
}

/**
 * Where JSON text first nests deeper than `limit`: the path of the value (its first three
 * segments, e.g. `goal.root.children`), found in one pass without recursion, like
 * {@link jsonDepth}. Undefined when the text stays within the limit.
 */
export function findTooDeep(text: string, limit: number): { path: string } | undefined {
  const frames: Array<{ array: boolean; key?: string; index: number }> = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x22) {
      let end = i + 1
      while (end < text.length && text.charCodeAt(end) !== 0x22) {
        end += text.charCodeAt(end) === 0x5c ? 2 : 1
      }
      const top = frames[frames.length - 1]
      if (top && !top.array) {
        let next = end + 1
        while (next < text.length && /\s/.test(text[next] as string)) next++
        if (text[next] === ':') {
          try {
            top.key = JSON.parse(text.slice(i, end + 1)) as string
          } catch (_error) {
            top.key = '?'
          }
        }
      }
      i = end
    } else if (code === 0x7b || code === 0x5b) {
      frames.push({ array: code === 0x5b, index: 0 })
      if (frames.length > limit) {
        let path = ''
        for (const frame of frames.slice(0, Math.min(3, frames.length - 1))) {
          path = joinPath(path, frame.array ? frame.index : (frame.key ?? '?'))
        }
        return { path: path || '(body)' }
      }
    } else if (code === 0x7d || code === 0x5d) {
      frames.pop()
    } else if (code === 0x2c) {
      const top = frames[frames.length - 1]
      if (top?.array) top.index++
    }
  }
  return undefined
}

function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)
  if (parent === '') return safe
  return safe.startsWith('"') ? `${parent}[${safe}]` : `${parent}.${safe}`
}

/**
 * The path (e.g. `links[2].title`) of the first string or key in a parsed JSON value that holds
 * a forbidden character, or undefined when there is none. Walks with an explicit stack; call
 * it only on values whose depth was bounded by {@link jsonDepth}.
 */
export function findForbiddenText(value: unknown, prefix = ''): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: prefix }]
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string }
    if (typeof current === 'string') {
      if (hasForbiddenCharacter(current)) return path || '(body)'
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i], path: joinPath(path, i) })
      }
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown]
        const childPath = joinPath(path, key)
        if (hasForbiddenCharacter(key)) return childPath
        stack.push({ value: child, path: childPath })
      }
    }
  }
  return undefined
}

/** The first query parameter (name) whose name or value holds a forbidden character. */
export function findForbiddenParameter(search: string): string | undefined {
  for (const [name, value] of new URLSearchParams(search)) {
    if (hasForbiddenCharacter(name) || hasForbiddenCharacter(value)) {
      return hasForbiddenCharacter(name) ? JSON.stringify(name).slice(1, -1) : name
    }
  }
  return undefined
}
