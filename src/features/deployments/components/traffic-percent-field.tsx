import { useState } from 'react';

import { TextField } from '@/components/ui/field';

import { percentProblem } from '../traffic-change';

export type TrafficPercentFieldProps = {
  value: number;
  onValueChange: (value: number) => void;
  newRelease: string;
  disabled: boolean;
  describedBy?: string | undefined;
};

/**
 * The new release's share, typed. What was typed stays in the field (with its problem under it) until the slider or
 * a preset moves the value elsewhere; then the field follows the value again.
 */
export function TrafficPercentField({
  value,
  onValueChange,
  newRelease,
  disabled,
  describedBy,
}: TrafficPercentFieldProps) {
  // `base` is the value the typed text belongs to: once the value moves away from it, the text is stale.
  const [typed, setTyped] = useState<{ text: string; base: number } | undefined>(undefined);
  const text = typed !== undefined && typed.base === value ? typed.text : String(value);
  const problem = typed !== undefined && typed.base === value ? percentProblem(typed.text) : undefined;
  return (
    <TextField
      label={`Percent to ${newRelease}`}
      type="number"
      min={0}
      max={100}
      step={1}
      autoComplete="off"
      value={text}
      disabled={disabled}
      error={problem}
      // Only when locked: otherwise the field's own hint and error describe it.
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      containerClassName="w-40"
      className="tabular-nums"
      onChange={(event) => {
        const next = event.target.value;
        if (percentProblem(next) === undefined) {
          const percent = Number(next.trim());
          setTyped({ text: next, base: percent });
          onValueChange(percent);
        } else {
          setTyped({ text: next, base: value });
        }
      }}
    />
  );
}
