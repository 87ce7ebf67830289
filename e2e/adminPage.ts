import type { Locator, Page } from 'playwright-core'

/** Signs in through the admin's login form and waits for the dashboard. */
export async function logIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('#register-sign-in-email').fill(email)
  await page.locator('#register-sign-in-password').fill(password)
  await page.locator('.algoritmeregister-sign-in__form button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/', {
    timeout: 30_000,
  })
  await page.getByTestId('my-tasks').waitFor()
}

/** Picks an option in a Payload select or relationship field (react-select). */
export async function choose(page: Page, fieldName: string, option: string): Promise<void> {
  const field = page.locator(`#field-${fieldName}`)
  await field.locator('.rs__control').click()
  await page.locator('.rs__option', { hasText: option }).first().click()
  await field.locator('.rs__single-value', { hasText: option }).waitFor()
}

/** The whole field (label, input, description and the register's aids) around an input. */
export function fieldBlock(page: Page, fieldName: string): Locator {
  return page.locator('.field-type', { has: page.locator(`#field-${fieldName}`) }).first()
}

/**
 * Saves the document with the admin's save button and waits for the REST answer; a refused save
 * fails the journey with the server's message.
 */
export async function save(page: Page): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) =>
        /^\/api\/algorithms(\/\d+)?$/.test(new URL(r.url()).pathname) &&
        ['POST', 'PATCH'].includes(r.request().method()),
      { timeout: 30_000 },
    ),
    page.locator('#action-save').click(),
  ])
  if (!response.ok()) {
    throw new Error(`Opslaan mislukte (${response.status()}): ${await response.text()}`)
  }
  // The form stays disabled until Payload has rebuilt it from the saved document.
  await page.getByText('Inzenden...').waitFor({ state: 'hidden', timeout: 30_000 })
  await page.waitForLoadState('networkidle')
}

/** The workflow panel in the sidebar. */
export function panel(page: Page): Locator {
  return page.getByTestId('workflow-panel')
}

/** Waits until the panel shows `state` (e.g. 'Ter beoordeling'). */
export async function expectState(page: Page, state: string): Promise<void> {
  await panel(page)
    .getByTestId('workflow-state')
    .filter({ hasText: state })
    .waitFor({ timeout: 20_000 })
}

/**
 * Opens the dialog of a workflow step from the panel; `text` fills the dialog's text box.
 * Returns the dialog so the caller can take a screenshot before confirming.
 */
export async function openStep(page: Page, action: string, text?: string): Promise<Locator> {
  await panel(page).locator(`[data-action="${action}"]`).click()
  const dialog = page.getByTestId('workflow-dialog')
  await dialog.waitFor()
  if (text !== undefined) await dialog.locator('textarea').fill(text)
  return dialog
}

/** Confirms the open dialog and waits for the page to come back with the new state. */
export async function confirmStep(page: Page, dialog: Locator, newState: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('load', { timeout: 30_000 }),
    dialog.locator('button[type="submit"]').click(),
  ])
  await expectState(page, newState)
}

/**
 * Payload locks a document for five minutes for whoever last edited it. A reviewer who only
 * reads and decides can continue in the read-only view; the workflow panel still works there.
 * Returns true when the lock notice was shown.
 */
export async function continueIfLocked(page: Page): Promise<boolean> {
  const notice = page.locator('#document-locked')
  try {
    await notice.waitFor({ timeout: 3_000 })
  } catch (_error) {
    return false
  }
  await notice.getByRole('button', { name: 'Alleen-lezen weergave' }).click()
  await notice.waitFor({ state: 'hidden' })
  return true
}

/** Opens a tab of the description form by its label. */
export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.tabs-field__tab-button', { hasText: label }).first().click()
}

/**
 * The admin's own words on the page (labels, help texts, tabs, buttons, column headers, headings,
 * placeholders, the workflow panel's headings), without what people typed: the language check
 * reads these, so an organisation's own texts cannot make it fail.
 */
export async function adminChromeTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selectors = [
      'label',
      '.field-label',
      '.field-description',
      '.tabs-field__tab-button',
      '.doc-tab',
      'button',
      'thead th',
      'h2',
      'h3',
      '.nav a',
      '.ar-panel__heading',
      '.ar-meter',
      '.ar-plain__title',
      '.ar-plain__summary',
      '.ar-tasks__header',
      '.collection-list__no-results',
    ]
    const texts = new Set<string>()
    for (const element of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
      const text = element.innerText?.trim()
      if (text) texts.add(text)
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (input.placeholder) texts.add(input.placeholder)
    }
    const editorPlaceholders = document.querySelectorAll<HTMLElement>('.editor-placeholder')
    for (const element of editorPlaceholders) texts.add(element.innerText.trim())
    return [...texts]
  })
}
