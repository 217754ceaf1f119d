import type { Crosswalk, Reference } from '../../engine/types';

export function referenceLabel(reference: Reference): string {
  return reference.source === 'AI Act' ? `AI Act ${reference.ref}` : `${reference.source} ${reference.ref}`;
}

export function References({ references, crosswalk }: { references: Reference[]; crosswalk?: Crosswalk[] }) {
  const items = [...references.map(referenceLabel), ...(crosswalk ?? []).map((c) => `${c.framework} ${c.id}`)];
  const unique = [...new Set(items)];
  if (unique.length === 0) return null;
  return (
    <ul className="references">
      {unique.map((label) => (
        <li key={label}>{label}</li>
      ))}
    </ul>
  );
}
