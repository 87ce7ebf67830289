import net from 'node:net'

/** A TCP proxy to a database that a test can freeze: a hung network path, not a closed one. */
export interface FreezableProxy {
  port: number
  /**
   * Stops forwarding, in both directions and without closing anything, on the connections whose
   * first bytes (a PostgreSQL startup message: user, database, application_name) match `which`,
   * now and for connections opened later. Without `which`: every connection.
   */
  freeze: (which?: (startup: string) => boolean) => void
  /** Forwards again, first whatever was held back. */
  thaw: () => void
  /** Connections currently held back. */
  frozenCount: () => number
  close: () => Promise<void>
}

interface Link {
  client: net.Socket
  upstream: net.Socket
  startup: string | undefined
  held: Array<{ to: net.Socket; data: Buffer }>
}

/** Starts a proxy on 127.0.0.1 (free port) to 127.0.0.1:`targetPort`. */
export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const links = new Set<Link>()
  let frozen: ((startup: string) => boolean) | undefined
  const isFrozen = (link: Link) =>
    frozen !== undefined && (link.startup === undefined ? frozen('') : frozen(link.startup))

  const forward = (link: Link, to: net.Socket, data: Buffer) => {
    if (isFrozen(link) || link.held.length > 0) link.held.push({ to, data })
    else to.write(data)
  }

  const server = net.createServer((client) => {
    const upstream = net.connect({ port: targetPort, host: '127.0.0.1' })
    const link: Link = { client, upstream, startup: undefined, held: [] }
    links.add(link)
    const end = () => {
      links.delete(link)
      client.destroy()
      upstream.destroy()
    }
    client.on('data', (data: Buffer) => {
      link.startup ??= data.toString('latin1')
      forward(link, upstream, data)
    })
    upstream.on('data', (data: Buffer) => forward(link, client, data))
    client.on('error', end)
    upstream.on('error', end)
    client.on('close', end)
    upstream.on('close', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    port,
    freeze: (which) => {
      frozen = which ?? (() => true)
    },
    thaw: () => {
      frozen = undefined
      for (const link of links) {
        for (const { to, data } of link.held.splice(0)) to.write(data)
      }
    },
    frozenCount: () => [...links].filter(isFrozen).length,
    close: async () => {
      for (const link of links) {
        link.client.destroy()
        link.upstream.destroy()
      }
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
