'use client'
import { FieldLabel } from '@payloadcms/ui'
import type { StaticLabel } from 'payload'
import type React from 'react'

/**
 * The label of a field the standard requires but that may stay empty in a draft: Payload's own
 * required marker (the asterisk), without Payload refusing to save the draft. Labels themselves
 * never say "(verplicht)", because lists, search and filters reuse them.
 */
export const RequiredLabel: React.FC<{ field?: { label?: unknown }; path?: string }> = ({
  field,
  path,
}) => <FieldLabel label={field?.label as StaticLabel | undefined} path={path} required />
