import { describe, expect, it } from '@jest/globals'

import { DEFAULT_OPTIONS, resolveRegisterOptions } from '../../../src/plugin/options'

const KNOWN =
  'Known options: enabled, reviewIntervalMonths, fourEyesByDefault, serverUrl, sender, firstUserIsPlatformAdmin, usersSlug, publicPages, isPlatformAdmin, signIn.'

describe('resolveRegisterOptions: defaults', () => {
  const expected = {
    enabled: true,
    reviewIntervalMonths: 12,
    fourEyesByDefault: true,
    serverUrl: 'http://localhost:3000',
    sender: { name: 'Algoritmeregister', address: 'noreply@algoritmeregister.local' },
    firstUserIsPlatformAdmin: false,
    usersSlug: 'users',
    publicPages: false,
  }

  it('fills in every default when no options are given', () => {
    expect(resolveRegisterOptions(undefined)).toEqual(expected)
  })

  it('fills in every default for an empty object', () => {
    expect(resolveRegisterOptions({})).toEqual(expected)
  })

  it('treats an option set to undefined as not given', () => {
    expect(resolveRegisterOptions({ enabled: undefined, sender: undefined })).toEqual(expected)
  })

  it('returns a copy, so changing the result cannot change the defaults', () => {
    const resolved = resolveRegisterOptions(undefined)
    resolved.reviewIntervalMonths = 3
    expect(DEFAULT_OPTIONS.reviewIntervalMonths).toBe(12)
    expect(resolveRegisterOptions({}).reviewIntervalMonths).toBe(12)
  })
})

describe('resolveRegisterOptions: valid values are kept', () => {
  it('keeps every option when all are given', () => {
    const given = {
      enabled: false,
      reviewIntervalMonths: 24,
      fourEyesByDefault: false,
      firstUserIsPlatformAdmin: true,
      serverUrl: 'https://register.example.nl/beheer',
      sender: { name: 'Gemeente Noorderhaaks', address: 'algoritmes@noorderhaaks.example' },
      usersSlug: 'accounts',
      publicPages: { basePath: '/openbaar/algoritmes' },
    }
    expect(resolveRegisterOptions(given)).toEqual(given)
  })

  it.each([1, 12, 60])('accepts reviewIntervalMonths %d', (months) => {
    expect(resolveRegisterOptions({ reviewIntervalMonths: months }).reviewIntervalMonths).toBe(
      months,
    )
  })

  it.each(['http://localhost:3000', 'https://register.example.nl', 'http://10.0.0.5:8080/sub'])(
    'accepts serverUrl %s',
    (serverUrl) => {
      expect(resolveRegisterOptions({ serverUrl }).serverUrl).toBe(serverUrl)
    },
  )

  it('keeps only name and address of the sender', () => {
    const sender = { name: 'Register', address: 'a@b.nl', extra: 'x' }
    expect(resolveRegisterOptions({ sender }).sender).toEqual({
      name: 'Register',
      address: 'a@b.nl',
    })
  })
})

describe('resolveRegisterOptions: invalid input gets one clear message', () => {
  const cases: Array<[string, unknown, string]> = [
    ['null', null, 'algorithmRegister: options must be an object, got null.'],
    ['an array', [], 'algorithmRegister: options must be an object, got an array.'],
    ['a string', 'nl', 'algorithmRegister: options must be an object, got string.'],
    ['a number', 12, 'algorithmRegister: options must be an object, got number.'],
    [
      'an unknown key',
      { reviewInterval: 12 },
      `algorithmRegister: unknown option 'reviewInterval'. ${KNOWN}`,
    ],
    [
      'a key with the wrong case',
      { ServerUrl: 'https://x.nl' },
      `algorithmRegister: unknown option 'ServerUrl'. ${KNOWN}`,
    ],
    [
      'enabled as a string',
      { enabled: 'false' },
      `algorithmRegister: 'enabled' must be true or false, got "false".`,
    ],
    [
      'enabled as a number',
      { enabled: 0 },
      `algorithmRegister: 'enabled' must be true or false, got 0.`,
    ],
    [
      'fourEyesByDefault as a string',
      { fourEyesByDefault: 'yes' },
      `algorithmRegister: 'fourEyesByDefault' must be true or false, got "yes".`,
    ],
    [
      'fourEyesByDefault as null',
      { fourEyesByDefault: null },
      `algorithmRegister: 'fourEyesByDefault' must be true or false, got null.`,
    ],
    [
      'reviewIntervalMonths 0',
      { reviewIntervalMonths: 0 },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got 0.`,
    ],
    [
      'reviewIntervalMonths 61',
      { reviewIntervalMonths: 61 },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got 61.`,
    ],
    [
      'reviewIntervalMonths negative',
      { reviewIntervalMonths: -3 },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got -3.`,
    ],
    [
      'reviewIntervalMonths with a fraction',
      { reviewIntervalMonths: 1.5 },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got 1.5.`,
    ],
    [
      'reviewIntervalMonths as a string',
      { reviewIntervalMonths: '12' },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got "12".`,
    ],
    [
      'reviewIntervalMonths NaN',
      { reviewIntervalMonths: Number.NaN },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got NaN.`,
    ],
    [
      'reviewIntervalMonths Infinity',
      { reviewIntervalMonths: Number.POSITIVE_INFINITY },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got Infinity.`,
    ],
    [
      'reviewIntervalMonths as a BigInt',
      { reviewIntervalMonths: BigInt(12) },
      `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got 12n.`,
    ],
    [
      'defaultLanguage (the host decides languages)',
      { defaultLanguage: 'nl' },
      `algorithmRegister: 'defaultLanguage' is not an option: languages are the host's, set i18n.fallbackLanguage in the Payload config.`,
    ],
    [
      'firstUserIsPlatformAdmin as a string',
      { firstUserIsPlatformAdmin: 'yes' },
      `algorithmRegister: 'firstUserIsPlatformAdmin' must be true or false, got "yes".`,
    ],
    [
      'usersSlug with capitals',
      { usersSlug: 'Accounts' },
      `algorithmRegister: 'usersSlug' must be a collection slug (lower-case letters, digits, '-' or '_'), got "Accounts".`,
    ],
    [
      'usersSlug empty',
      { usersSlug: '' },
      `algorithmRegister: 'usersSlug' must be a collection slug (lower-case letters, digits, '-' or '_'), got "".`,
    ],
    [
      'isPlatformAdmin as a string',
      { isPlatformAdmin: 'admin' },
      `algorithmRegister: 'isPlatformAdmin' must be a function (user) => boolean, got "admin".`,
    ],
    [
      'serverUrl with a trailing slash',
      { serverUrl: 'https://register.example.nl/' },
      `algorithmRegister: 'serverUrl' must be an http(s) URL without a trailing slash, got "https://register.example.nl/".`,
    ],
    [
      'serverUrl without a scheme',
      { serverUrl: 'register.example.nl' },
      `algorithmRegister: 'serverUrl' must be an http(s) URL without a trailing slash, got "register.example.nl".`,
    ],
    [
      'serverUrl with another scheme',
      { serverUrl: 'ftp://register.example.nl' },
      `algorithmRegister: 'serverUrl' must be an http(s) URL without a trailing slash, got "ftp://register.example.nl".`,
    ],
    [
      'serverUrl as a number',
      { serverUrl: 3000 },
      `algorithmRegister: 'serverUrl' must be an http(s) URL without a trailing slash, got 3000.`,
    ],
    [
      'serverUrl empty',
      { serverUrl: '' },
      `algorithmRegister: 'serverUrl' must be an http(s) URL without a trailing slash, got "".`,
    ],
    [
      'sender as a string',
      { sender: 'noreply@x.nl' },
      `algorithmRegister: 'sender' must be { name: string, address: an e-mail address }, got "noreply@x.nl".`,
    ],
    [
      'sender null',
      { sender: null },
      `algorithmRegister: 'sender' must be { name: string, address: an e-mail address }, got null.`,
    ],
    [
      'sender without a name',
      { sender: { address: 'a@b.nl' } },
      `algorithmRegister: 'sender' must be { name: string, address: an e-mail address }, got {"address":"a@b.nl"}.`,
    ],
    [
      'sender with a blank name',
      { sender: { name: '  ', address: 'a@b.nl' } },
      `algorithmRegister: 'sender' must be { name: string, address: an e-mail address }, got {"name":"  ","address":"a@b.nl"}.`,
    ],
    [
      'sender with an address without @',
      { sender: { name: 'Register', address: 'noreply' } },
      `algorithmRegister: 'sender' must be { name: string, address: an e-mail address }, got {"name":"Register","address":"noreply"}.`,
    ],
    [
      'sender with a space in the address',
      { sender: { name: 'Register', address: 'no reply@x.nl' } },
      `algorithmRegister: 'sender' must be { name: string, address: an e-mail address }, got {"name":"Register","address":"no reply@x.nl"}.`,
    ],
  ]

  it.each(cases)('refuses %s', (_label, input, message) => {
    expect(() => resolveRegisterOptions(input)).toThrow(new Error(message))
  })

  it('names a function value instead of printing undefined', () => {
    expect(() => resolveRegisterOptions({ enabled: () => true })).toThrow(
      new Error(`algorithmRegister: 'enabled' must be true or false, got a function.`),
    )
  })

  it('does not crash on a cyclic sender object', () => {
    const sender: Record<string, unknown> = { name: 'Register' }
    sender.self = sender
    expect(() => resolveRegisterOptions({ sender })).toThrow(
      new Error(
        `algorithmRegister: 'sender' must be { name: string, address: an e-mail address }, got an unprintable object.`,
      ),
    )
  })

  it('reports an unknown key before checking the known ones', () => {
    expect(() => resolveRegisterOptions({ enabled: 'nee', colour: 'blue' })).toThrow(
      `unknown option 'colour'`,
    )
  })
})

describe('resolveRegisterOptions: publicPages', () => {
  it('is off by default and takes a base path, /algoritmes when none is given', () => {
    expect(DEFAULT_OPTIONS.publicPages).toBe(false)
    expect(resolveRegisterOptions({ publicPages: {} }).publicPages).toEqual({
      basePath: '/algoritmes',
    })
    expect(
      resolveRegisterOptions({ publicPages: { basePath: '/register/pagina' } }).publicPages,
    ).toEqual({ basePath: '/register/pagina' })
    expect(resolveRegisterOptions({ publicPages: false }).publicPages).toBe(false)
  })

  it('refuses a base path that is not a plain path, and unknown keys', () => {
    for (const value of [
      true,
      { basePath: 'algoritmes' },
      { basePath: '/Algoritmes/' },
      { path: '/a' },
    ]) {
      expect(() => resolveRegisterOptions({ publicPages: value })).toThrow(
        /'publicPages' must be false or \{ basePath\?: a path such as '\/algoritmes' \}/,
      )
    }
  })
})
