/** The register's calendar: a bare date in an export period means a day in the Netherlands. */
export const AUDIT_TIME_ZONE = 'Europe/Amsterdam'

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** Minutes the zone is ahead of UTC at one instant. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60000)
}

/**
 * Reads one end of an export period: a date (`2026-01-01`, the start of that day in the
 * Netherlands, so "2026" means the Dutch calendar year) or a date-time with a zone
 * (`2026-01-01T09:30:00Z`, `2026-01-01T10:30:00+01:00`). Returns the moment as an ISO string
 * in UTC, or null when the text is not a real date (`2026-02-30`, `morgen`).
 */
export function parseAuditPeriodBoundary(value: string): string | null {
  const text = value.trim()
  const dateOnly = DATE_ONLY.exec(text)
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])]
    const utcMidnight = Date.UTC(year, month - 1, day)
    const check = new Date(utcMidnight)
    if (
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day
    ) {
      return null
    }
    // Clocks in the Netherlands change at 01:00 UTC, so the offset an hour before UTC midnight
    // is the offset at local midnight.
    const offset = zoneOffsetMinutes(utcMidnight - 3_600_000, AUDIT_TIME_ZONE)
    return new Date(utcMidnight - offset * 60_000).toISOString()
  }
  if (!DATE_TIME.test(text)) return null
  const moment = Date.parse(text)
  if (Number.isNaN(moment)) return null
  // Date.parse rolls 2026-02-30T00:00Z over to March; the calendar part must survive as given.
  const [datePart] = text.split('T')
  const [year, month, day] = datePart.split('-').map(Number)
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return new Date(moment).toISOString()
}
