import {
  FixedToolbarFeature,
  InlineToolbarFeature,
  lexicalEditor,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
} from '@payloadcms/richtext-lexical'

/**
 * The editor for the standard's long texts: paragraphs, line breaks and lists only, because the
 * standard allows no other HTML (div, br, p, ul, ol, li). No bold, headings or links to strip later.
 */
export const restrictedEditor: ReturnType<typeof lexicalEditor> = lexicalEditor({
  features: () => [
    ParagraphFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})
