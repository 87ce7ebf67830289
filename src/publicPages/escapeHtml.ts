const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe for an HTML attribute value in double quotes (and for element content). */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (character) => REPLACEMENTS[character])
}
