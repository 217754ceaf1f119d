import type { ReactNode } from 'react';

export interface Choice {
  value: string;
  label: ReactNode;
}

interface ChoiceListProps {
  kind: 'radio' | 'checkbox';
  name: string;
  idPrefix: string;
  labelledBy: string;
  required: boolean;
  choices: Choice[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}

/** Native radios and checkboxes: arrow keys, space and screen readers work as everywhere else. */
export function ChoiceList({
  kind,
  name,
  idPrefix,
  labelledBy,
  required,
  choices,
  isChecked,
  onToggle,
}: ChoiceListProps) {
  const items = choices.map((choice) => {
    const id = `${idPrefix}-${choice.value}`;
    return (
      <div className="choice" key={choice.value}>
        <input
          type={kind}
          id={id}
          name={name}
          value={choice.value}
          checked={isChecked(choice.value)}
          onChange={(event) => onToggle(choice.value, event.target.checked)}
        />
        <label htmlFor={id}>{choice.label}</label>
      </div>
    );
  });
  return kind === 'radio' ? (
    <div role="radiogroup" aria-labelledby={labelledBy} aria-required={required} className="choices">
      {items}
    </div>
  ) : (
    <fieldset aria-labelledby={labelledBy} className="choices">
      {items}
    </fieldset>
  );
}
