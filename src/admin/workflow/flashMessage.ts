/** Where a message waits in the browser's session until the next page shows it. */
const FLASH_KEY = 'algoritmeregister:flash'

/** Keeps `message` for the next page load (after a reload or navigation). */
export function keepFlashMessage(message: string | null | undefined): void {
  if (message) window.sessionStorage.setItem(FLASH_KEY, message)
}

/** The kept message, once; null when there is none. */
export function takeFlashMessage(): string | null {
  const message = window.sessionStorage.getItem(FLASH_KEY)
  if (message) window.sessionStorage.removeItem(FLASH_KEY)
  return message
}
