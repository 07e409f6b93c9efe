import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

import { cn } from '@/lib/cn';

import { borderClasses, controlClasses, describedBy, FieldFrame } from './field';

export type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  containerClassName?: string;
};

export function TextAreaField({ label, hint, error, containerClassName, className, ...props }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={containerClassName}>
      <textarea
        id={id}
        className={cn(controlClasses, borderClasses(Boolean(error)), 'min-h-16', className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...props}
      />
    </FieldFrame>
  );
}
