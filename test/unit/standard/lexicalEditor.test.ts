/**
 * Checks the Lexical JSON of richText.ts against the real Lexical editor that Payload's
 * rich text field runs on (headless, with the list nodes Payload's list features register).
 */
import { describe, it, expect } from '@jest/globals'
import { createHeadlessEditor } from '@lexical/headless'
import {
  $createListItemNode,
  $createListNode,
  ListItemNode,
  ListNode,
  registerList,
} from '@lexical/list'
import { $dfs } from '@lexical/utils'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalEditor,
} from 'lexical'
import {
  emptyLexicalState,
  findDisallowedLexical,
  htmlToLexical,
  lexicalToHtml,
  normaliseLexical,
  textToLexical,
} from '../../../src/standard/richText'
import { noorderhaaksRecord } from './fixtures/noorderhaaksRecord'

const makeEditor = (): LexicalEditor => {
  const editor = createHeadlessEditor({
    nodes: [ListNode, ListItemNode],
    onError: (error) => {
      throw error
    },
  })
  registerList(editor)
  return editor
}

/** Loads a state into the editor, lets every node be normalised again and exports it. */
const throughEditor = (state: unknown): unknown => {
  const editor = makeEditor()
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)))
  editor.update(
    () => {
      for (const { node } of $dfs()) node.markDirty()
    },
    { discrete: true },
  )
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))
}

describe('Lexical accepts the JSON unchanged', () => {
  const samples = [
    '',
    '<p>Een alinea met &amp; en &lt;tekens&gt;</p>',
    '<p>regel een<br>regel twee<br><br>na een witregel</p>',
    '<ul><li>a<ul><li>b<ol><li>c</li><li>d</li></ol></li></ul></li><li>e</li></ul>',
    '<ol><li><ul><li>x</li></ul></li><li>y</li><li>z<ul><li>q</li></ul><ul><li>r</li></ul></li></ol>',
    noorderhaaksRecord.proportionality,
    noorderhaaksRecord.source_data,
    noorderhaaksRecord.methods_and_models,
  ]

  it.each(samples)('%s', (html) => {
    const state = htmlToLexical(html)
    expect(throughEditor(state)).toEqual(state)
  })

  it('accepts the empty state and text imports', () => {
    expect(throughEditor(emptyLexicalState())).toEqual(emptyLexicalState())
    const imported = textToLexical('Eerste regel\nTweede regel')
    expect(throughEditor(imported)).toEqual(imported)
  })
})

describe('JSON made by the editor itself', () => {
  it('is read, cleaned and written as the standard’s HTML', () => {
    const editor = makeEditor()
    editor.update(
      () => {
        const intro = $createParagraphNode()
        intro.append(
          $createTextNode('Vet').toggleFormat('bold'),
          $createTextNode(' en gewoon'),
          $createLineBreakNode(),
          $createTextNode('tweede regel').setStyle('color: red'),
        )
        const list = $createListNode('number')
        list.append(
          $createListItemNode().append($createTextNode('stap een')),
          $createListItemNode().append($createTextNode('stap twee')),
        )
        $getRoot().clear().append(intro, list)
      },
      { discrete: true },
    )
    const json: unknown = JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))
    expect(findDisallowedLexical(json)).toEqual([])
    expect(lexicalToHtml(json)).toBe(
      '<p>Vet en gewoon<br>tweede regel</p><ol><li>stap een</li><li>stap twee</li></ol>',
    )
    expect(throughEditor(normaliseLexical(json))).toEqual(normaliseLexical(json))
  })
})
