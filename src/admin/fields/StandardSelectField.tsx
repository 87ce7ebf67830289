'use client'
import { FieldDescription, FieldError, FieldLabel, SelectInput, useField } from '@payloadcms/ui'
import type { OptionObject, StaticDescription, StaticLabel, TextFieldClientProps } from 'payload'
import type React from 'react'
import '../styles/registerAdmin.scss'

type Props = TextFieldClientProps & {
  options: OptionObject[]
  hasMany: boolean
  /** The standard requires a value before submission: Payload's marker, not "(verplicht)". */
  required?: boolean
}

/**
 * A choice list for the standard's fixed values. The values are stored as text (not as a
 * database enum), so the register gives its own specific error for a wrong value through every
 * API, and a new standard version can add values without a schema migration.
 */
export const StandardSelectField: React.FC<Props> = ({
  field,
  path,
  options,
  hasMany,
  readOnly,
  required = false,
}) => {
  const { value, setValue, showError, errorMessage } = useField<string | string[]>({ path })
  const label = field.label as StaticLabel | undefined
  const description = field.admin?.description as StaticDescription | undefined
  return (
    <SelectInput
      path={path}
      name={field.name}
      label={label}
      options={options}
      hasMany={hasMany}
      isClearable
      readOnly={readOnly}
      showError={showError}
      value={value ?? (hasMany ? [] : '')}
      Label={<FieldLabel label={label} path={path} required={required} />}
      Description={<FieldDescription description={description} path={path} />}
      Error={<FieldError path={path} message={errorMessage} showError={showError} />}
      onChange={(selected) => {
        if (Array.isArray(selected)) setValue(selected.map((option) => String(option.value)))
        else setValue(selected ? String((selected as { value: unknown }).value) : null)
      }}
    />
  )
}
