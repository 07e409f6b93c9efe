import * as Slider from '@radix-ui/react-slider';
import { useId } from 'react';

import { Button } from '@/components/ui/button';
import { focusRing } from '@/components/ui/focus-ring';
import { cn } from '@/lib/cn';

import { describeSelection, trafficPresets, type ReleaseNames } from '../traffic-change';
import { TrafficPercentField } from './traffic-percent-field';

export type TrafficSliderProps = {
  /** Percent of the traffic to the new release. */
  value: number;
  onValueChange: (value: number) => void;
  names: ReleaseNames;
  disabled: boolean;
  /** The id of the text that says why the controls are disabled. */
  describedBy?: string | undefined;
};

/**
 * Choose the new release's share: a Radix slider (arrow keys move 1%, Page Up/Down 10%, Home/End the ends) whose
 * value is written beside it while it moves, a number field, and presets. Choosing does not apply anything; the
 * panel's "Review change" does.
 */
export function TrafficSlider({ value, onValueChange, names, disabled, describedBy }: TrafficSliderProps) {
  const presetsId = useId();
  const selection = describeSelection(names, value);
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-900 tabular-nums dark:text-slate-100">
        {/* Not a live region: the slider's own value text is what a screen reader hears while it moves. */}
        <output data-testid="traffic-selection" aria-live="off">
          {selection}
        </output>
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex min-w-56 flex-1 items-center gap-3 pb-2 text-xs text-slate-600 tabular-nums dark:text-slate-400">
          <span aria-hidden="true">0%</span>
          <Slider.Root
            className="relative flex h-6 flex-1 touch-none items-center select-none data-[disabled]:opacity-50"
            min={0}
            max={100}
            step={1}
            value={[value]}
            onValueChange={([next]) => {
              if (next !== undefined) onValueChange(next);
            }}
            disabled={disabled}
          >
            <Slider.Track className="relative h-2 grow overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
              <Slider.Range className="absolute h-full bg-emerald-500" />
            </Slider.Track>
            <Slider.Thumb
              aria-label="Traffic to the new release"
              aria-valuetext={`${value}% to ${names.new} (new), ${100 - value}% to ${names.old} (old)`}
              aria-disabled={disabled || undefined}
              aria-describedby={describedBy}
              className={cn(
                'block size-5 rounded-full border-2 border-emerald-700 bg-white shadow data-[disabled]:cursor-not-allowed dark:border-emerald-400 dark:bg-slate-900',
                focusRing,
              )}
            />
          </Slider.Root>
          <span aria-hidden="true">100%</span>
        </div>
        <TrafficPercentField
          value={value}
          onValueChange={onValueChange}
          newRelease={names.new}
          disabled={disabled}
          describedBy={describedBy}
        />
      </div>
      <div role="group" aria-labelledby={presetsId} className="flex flex-wrap items-center gap-2">
        <span id={presetsId} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Presets (to {names.new}):
        </span>
        {trafficPresets.map((preset) => (
          <Button
            key={preset}
            size="sm"
            variant={preset === value ? 'primary' : 'secondary'}
            aria-pressed={preset === value}
            disabled={disabled}
            onClick={() => onValueChange(preset)}
          >
            {preset}%
          </Button>
        ))}
      </div>
    </div>
  );
}
