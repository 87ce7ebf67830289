import { createHash } from 'node:crypto'

import { LRUCache } from 'lru-cache'

/** A response as the public API sends it: rendered once, served from memory until a change. */
export interface RenderedResponse {
  status: number
  contentType: string
  body: Buffer
  /** Strong validator, quoted (`"…"`), derived from the body. */
  etag: string
  cacheControl: string
  /** Extra headers (Content-Disposition, Vary). */
  headers: Record<string, string>
  /** Headers of a 304 answer (validator, caching, extras). */
  notModifiedHeaders: Record<string, string>
  /** Headers of the full answer. */
  responseHeaders: Record<string, string>
  /** Whether the response may be kept in the cache at all. */
  cacheable: boolean
  /** Milliseconds since the epoch after which the entry is rendered again. */
  expiresAt: number
}

/** A strong ETag for a body: the same bytes always give the same tag, in every process. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

/**
 * What an entry depends on: one algorithm (`lars:<id>`: its detail, history, EU registration),
 * or the whole register (`aggregate`: lists, facets, organisations, feed, downloads).
 */
export type CacheTag = 'aggregate' | `lars:${string}`

/** Limits and accounting of a {@link PublicResponseCache}. */
export interface PublicResponseCacheOptions<V> {
  maxBytes: number
  maxEntries: number
  /** Bytes an entry costs. */
  sizeOf: (value: V) => number
  /** Whether a rendered value may be stored (default: always). */
  isCacheable?: (value: V) => boolean
  /** When a value expires (ms since the epoch; default: 10 minutes from now). */
  expiresAt?: (value: V) => number
  /**
   * Whether stored values may be served right now (default: always). While it says no, the cache
   * neither serves nor stores: the owner cannot prove that it has heard every change.
   */
  trusted?: () => boolean
}

interface Entry<V> {
  value: V
  tag: CacheTag
  expiresAt: number
}

/**
 * In-process cache of rendered public answers, least recently used first out, bounded in bytes
 * and entries. A change to algorithm X drops the aggregate entries and X's own entries; the
 * details of the other 9,999 algorithms stay. Every change also advances a change counter: a
 * render that began before a change it depends on is still answered to its own caller but never
 * stored, so no request that starts after a change can see the content from before it.
 */
export class PublicResponseCache<V = RenderedResponse> {
  /** Least recently used out first, bounded in bytes and entries (lru-cache does the keeping). */
  private readonly entries: LRUCache<string, Entry<V>>
  private readonly inFlight = new Map<string, Promise<V>>()
  private enabled = true
  private sequence = 0
  private lastChange = 0
  private lastFullChange = 0
  private readonly lastChangeOf = new Map<string, number>()

  constructor(private readonly options: PublicResponseCacheOptions<V>) {
    const maxSize = Math.max(1, Math.floor(options.maxBytes))
    this.entries = new LRUCache<string, Entry<V>>({
      max: Math.max(1, options.maxEntries),
      maxSize,
      // One huge download must not push out thousands of small answers.
      maxEntrySize: Math.max(1, Math.floor(maxSize / 4)),
      sizeCalculation: (entry, key) => Math.max(1, options.sizeOf(entry.value) + key.length),
    })
  }

  /** Number of stored entries. */
  get size(): number {
    return this.entries.size
  }

  /** Stored bytes. */
  get storedBytes(): number {
    return this.entries.calculatedSize
  }

  /** Whether entries are stored (off while changes from other processes cannot be heard). */
  get isEnabled(): boolean {
    return this.enabled && this.options.maxBytes > 0 && (this.options.trusted?.() ?? true)
  }

  /** A fresh stored value, or undefined. */
  get(key: string): V | undefined {
    if (this.options.trusted && !this.options.trusted()) return undefined
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  /**
   * The stored value for `key`, or the result of `render`. Concurrent misses for the same key
   * share one render, unless a change they depend on happened in between.
   */
  async getOrRender(key: string, tag: CacheTag, render: () => Promise<V>): Promise<V> {
    const stored = this.get(key)
    if (stored !== undefined) return stored
    const stamp = this.stampOf(tag)
    const flightKey = `${stamp}\u0000${key}`
    const running = this.inFlight.get(flightKey)
    if (running) return running
    const promise = (async () => {
      try {
        const value = await render()
        const cacheable = this.options.isCacheable?.(value) ?? true
        if (cacheable && this.isEnabled && this.stampOf(tag) === stamp) this.store(key, tag, value)
        return value
      } finally {
        this.inFlight.delete(flightKey)
      }
    })()
    this.inFlight.set(flightKey, promise)
    return promise
  }

  /**
   * Forgets what a change makes stale: with a Algoritme-ID, the aggregate entries and that
   * algorithm's own; without one (a missed notification, a reconnect), everything.
   */
  invalidate(lars?: string): void {
    this.sequence += 1
    this.lastChange = this.sequence
    if (lars) {
      this.lastChangeOf.set(lars, this.sequence)
      const own: CacheTag = `lars:${lars}`
      for (const [key, entry] of this.entries.entries()) {
        if (entry.tag === 'aggregate' || entry.tag === own) this.entries.delete(key)
      }
      return
    }
    this.lastFullChange = this.sequence
    this.lastChangeOf.clear()
    this.entries.clear()
  }

  /** Turns storing on or off; either way the cache starts empty. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled
    this.invalidate()
  }

  private stampOf(tag: CacheTag): number {
    if (tag === 'aggregate') return this.lastChange
    return Math.max(this.lastFullChange, this.lastChangeOf.get(tag.slice(5)) ?? 0)
  }

  private store(key: string, tag: CacheTag, value: V): void {
    this.entries.set(key, {
      value,
      tag,
      expiresAt: this.options.expiresAt?.(value) ?? Date.now() + 10 * 60 * 1000,
    })
  }
}
