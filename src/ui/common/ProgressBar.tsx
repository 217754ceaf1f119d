import { formatPercent } from '../../engine/format';
import { useLanguage } from './useLanguage';

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const language = useLanguage();
  return (
    <span className="progress">
      <progress max={1} value={value} aria-label={label} />
      <span className="progress-value">{formatPercent(value, language)}</span>
    </span>
  );
}
