'use client'
import type React from 'react'
import '../styles/registerAdmin.scss'

/**
 * Stands in for the read-only workflow fields in the sidebar: the workflow panel at the top of the
 * sidebar shows the same values, with the steps, history and checks that belong to them. The
 * values stay in the form, so a save sends them back unchanged.
 */
export const ShownInPanel: React.FC = () => null
