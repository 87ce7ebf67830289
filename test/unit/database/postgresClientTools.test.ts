/** How backup and restore hand a connection to pg_dump/pg_restore, and find them. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from '@jest/globals'

import { checkClusterVersion, DatabaseStartError } from '../../../host/database/embeddedPostgres'
import {
  BackupError,
  describeConnection,
  findPostgresTool,
  libpqEnvironment,
  withDatabase,
} from '../../../src/database/postgresClientTools'
import { restoreProblem } from '../../../src/database/backupRestore'

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'register-pgtools-'))
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

describe('libpqEnvironment', () => {
  it('puts every part of the connection string, password included, into variables', () => {
    expect(
      libpqEnvironment(
        'postgres://reg%40ister:p%40ss%3Aw0rd@db.example:6543/alg%20register?sslmode=verify-full&sslrootcert=/etc/ca.pem&unknown=1',
      ),
    ).toEqual({
      PGHOST: 'db.example',
      PGPORT: '6543',
      PGUSER: 'reg@ister',
      PGPASSWORD: 'p@ss:w0rd',
      PGDATABASE: 'alg register',
      PGSSLMODE: 'verify-full',
      PGSSLROOTCERT: '/etc/ca.pem',
    })
  })

  it('leaves out what the string does not say (libpq defaults apply)', () => {
    expect(libpqEnvironment('postgresql://127.0.0.1/register')).toEqual({
      PGHOST: '127.0.0.1',
      PGDATABASE: 'register',
    })
    expect(libpqEnvironment('postgres:///register?host=/var/run/postgresql')).toEqual({
      PGHOST: '/var/run/postgresql',
      PGDATABASE: 'register',
    })
  })

  it('refuses a string that is no URL, without repeating it', () => {
    expect(() => libpqEnvironment('host=x password=geheim')).toThrow(BackupError)
    expect(() => libpqEnvironment('host=x password=geheim')).not.toThrow(/geheim/)
  })
})

describe('describeConnection and withDatabase', () => {
  it('names the server and database without user or password', () => {
    const url = 'postgres://user:geheim@db.example:6543/register'
    expect(describeConnection(url)).toBe('db.example:6543/register')
    expect(describeConnection('postgres://db.example/register')).toBe('db.example:5432/register')
    expect(withDatabase(url, 'postgres')).toBe('postgres://user:geheim@db.example:6543/postgres')
  })
})

describe('findPostgresTool', () => {
  it('uses PG_BIN_DIR and reads the version the program reports', () => {
    const bin = path.join(folder, 'bin17')
    fs.mkdirSync(bin)
    fs.writeFileSync(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 17.2"\n', {
      mode: 0o755,
    })
    expect(findPostgresTool('pg_dump', { PG_BIN_DIR: bin })).toEqual({
      path: path.join(bin, 'pg_dump'),
      version: '17.2',
      major: 17,
    })
  })

  it('says how to install the client programs when they are missing', () => {
    const empty = path.join(folder, 'empty')
    fs.mkdirSync(empty)
    expect(() => findPostgresTool('pg_restore', { PATH: empty })).toThrow(
      /pg_restore is niet gevonden\. Installeer .*apt-get install postgresql-client.*PG_BIN_DIR/,
    )
    expect(() => findPostgresTool('pg_dump', { PG_BIN_DIR: empty })).toThrow(
      `pg_dump staat niet in PG_BIN_DIR (${empty}).`,
    )
  })
})

describe('checkClusterVersion', () => {
  it('accepts the same major version and refuses another with what to do', () => {
    expect(() => checkClusterVersion('/data', '15', '15')).not.toThrow()
    const refuse = () => checkClusterVersion('/data', '17', '15')
    expect(refuse).toThrow(DatabaseStartError)
    expect(refuse).toThrow(
      /^De database in \/data is gemaakt met PostgreSQL 17, maar deze versie van het register gebruikt PostgreSQL 15;.*verwijder dan de map.*zet ze dan over met pg_dump 17 of nieuwer: zie "Backup and restore" in README\.md\.$/,
    )
  })
})

describe('restoreProblem', () => {
  const tool = { path: '/usr/bin/pg_restore', version: '15.20', major: 15 }

  it('says what to do with an archive from a newer pg_dump', () => {
    expect(
      restoreProblem('pg_restore: error: unsupported version (1.16) in file header', tool),
    ).toBe(
      'pg_restore is mislukt; de database is niet veranderd: het archief is gemaakt met een ' +
        'nieuwere pg_dump dan deze pg_restore (15.20). Gebruik pg_restore van minstens die ' +
        'versie en wijs de map aan met PG_BIN_DIR. ' +
        '(pg_restore: error: unsupported version (1.16) in file header)',
    )
  })

  it('passes on the last lines of any other failure', () => {
    expect(restoreProblem('line 1\nline 2\nline 3\nline 4\nline 5', tool)).toBe(
      'pg_restore is mislukt; de database is niet veranderd: line 2 line 3 line 4 line 5',
    )
  })
})
