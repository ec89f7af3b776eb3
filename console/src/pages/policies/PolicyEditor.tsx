// A CodeMirror 6 editor for one YAML file, showing the problems it is given as lint marks at their lines.
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

export interface LineProblem {
  line: number;
  message: string;
}

function diagnosticsOf(view: EditorView, problems: LineProblem[]): Diagnostic[] {
  const { doc } = view.state;
  return problems.map((problem) => {
    const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines));
    return { from: line.from, to: line.to, severity: 'error', message: problem.message };
  });
}

/** A request to put the cursor on a line (a new object each time, so the same line can be asked again). */
export interface Reveal {
  line: number;
}

export function PolicyEditor({ initial, labelledBy, problems, reveal, onChange }: { initial: string; labelledBy: string; problems: LineProblem[]; reveal: Reveal | null; onChange: (text: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      doc: initial,
      parent: host.current!,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed.current(update.state.doc.toString());
        }),
      ],
    });
    // The scroller is reachable by keyboard, so a reader can scroll the file without editing it.
    editor.scrollDOM.tabIndex = 0;
    view.current = editor;
    return () => editor.destroy();
    // The editor is made once per file: `initial` is only its first text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [labelledBy]);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor, problems)));
  }, [problems]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !reveal) return;
    const line = editor.state.doc.line(Math.min(Math.max(reveal.line, 1), editor.state.doc.lines));
    editor.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    editor.focus();
  }, [reveal]);

  return <div ref={host} className="policy-editor" />;
}
