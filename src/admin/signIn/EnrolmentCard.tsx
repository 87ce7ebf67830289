'use client'
import type React from 'react'

import { useAdminText } from '../i18n/useAdminText'
import type { Enrolment } from './signInApi'

/** The QR code, the secret as text, and the recovery codes, shown once. */
export const EnrolmentCard: React.FC<{ enrolment: Enrolment }> = ({ enrolment }) => {
  const { text } = useAdminText()
  return (
    <div className="algoritmeregister-enrolment">
      <p>
        {text({
          nl: 'Scan deze QR-code met uw authenticator-app (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP).',
          en: 'Scan this QR code with your authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP).',
        })}
      </p>
      {/* A data URL made by the server: no external image service sees the secret. */}
      <img
        src={enrolment.qrCode}
        alt={text({
          nl: 'QR-code voor uw authenticator-app',
          en: 'QR code for your authenticator app',
        })}
        width={200}
        height={200}
      />
      <p>
        {text({
          nl: 'Lukt scannen niet? Typ deze sleutel over:',
          en: 'Cannot scan? Type this key:',
        })}{' '}
        <code>{enrolment.secret}</code>
      </p>
      <p>
        <strong>
          {text({
            nl: 'Herstelcodes: bewaar ze nu op een veilige plek. U ziet ze maar één keer. Elke code werkt één keer als u uw telefoon kwijt bent.',
            en: 'Recovery codes: store them somewhere safe now. You see them only once. Each code works once if you lose your phone.',
          })}
        </strong>
      </p>
      <ul className="algoritmeregister-enrolment__codes">
        {enrolment.recoveryCodes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  )
}
