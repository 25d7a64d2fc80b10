import type { ReactNode } from 'react';
import type { ParagraphDiffOp } from '@/lib/article-diff';

const KIND_LABELS = { same: 'Unchanged', changed: 'Changed', added: 'Added', removed: 'Removed' } as const;

type Props<T extends ParagraphDiffOp> = {
  ops: T[];
  label: string;
  /** Extra lines under a change, e.g. the claims it touched. */
  renderExtra?: (op: T) => ReactNode;
};

/** The paragraphs that differ between two texts, old text struck through and new text inserted. */
export function ParagraphDiff<T extends ParagraphDiffOp>({ ops, label, renderExtra }: Props<T>) {
  return (
    <ol className="ws-diff" aria-label={label}>
      {ops
        .filter((op) => op.kind !== 'same')
        .map((op, index) => (
          <li key={index} className={`ws-diff-${op.kind}`}>
            <span className="ws-diff-kind">{KIND_LABELS[op.kind]}</span>
            {op.before !== null && op.kind !== 'added' ? <del>{op.before}</del> : null}
            {op.after !== null && op.kind !== 'removed' ? <ins>{op.after}</ins> : null}
            {renderExtra?.(op)}
          </li>
        ))}
    </ol>
  );
}
