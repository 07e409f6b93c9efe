import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router-dom';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

/** `aria-disabled` looks like `disabled`: a busy button, and a control that stays focusable while it cannot act. */
const variants: Record<ButtonVariant, string> = {
  primary:
    'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-sky-700/50 aria-disabled:bg-sky-700/50 dark:bg-sky-700 dark:hover:bg-sky-600',
  secondary:
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 disabled:text-slate-400 aria-disabled:text-slate-400 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:disabled:text-slate-500 dark:aria-disabled:text-slate-500',
  danger:
    'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-700/50 aria-disabled:bg-red-700/50 dark:bg-red-600 dark:hover:bg-red-500',
  ghost:
    'text-slate-700 hover:bg-slate-100 disabled:text-slate-400 aria-disabled:text-slate-400 dark:text-slate-200 dark:hover:bg-slate-800',
};

const sizes: Record<ButtonSize, string> = {
  sm: 'h-8 px-2.5 text-sm gap-1.5',
  md: 'h-10 px-4 text-sm gap-2',
};

export function buttonClasses(variant: ButtonVariant = 'primary', size: ButtonSize = 'md', className?: string): string {
  return cn(
    'inline-flex shrink-0 items-center justify-center rounded-md font-medium transition-colors disabled:cursor-not-allowed aria-disabled:cursor-not-allowed',
    variants[variant],
    sizes[size],
    focusRing,
    className,
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Shows a spinner, sets aria-busy and ignores clicks (a form's implicit submission too). It is marked aria-disabled
   * rather than disabled: a focused button that became disabled would drop the keyboard's focus to the page.
   */
  isLoading?: boolean;
  icon?: ReactNode;
};

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = 'primary',
    size = 'md',
    isLoading = false,
    icon,
    className,
    children,
    disabled,
    type = 'button',
    onClick,
    'aria-disabled': ariaDisabled,
    ...props
  },
  ref,
) {
  // A button marked aria-disabled by its caller does nothing either (it stays focusable: paging at its last page).
  const inert = isLoading || ariaDisabled === true || ariaDisabled === 'true';
  return (
    <button
      ref={ref}
      type={type}
      className={buttonClasses(variant, size, className)}
      disabled={disabled}
      aria-disabled={inert || undefined}
      aria-busy={isLoading || undefined}
      onClick={(event) => {
        if (inert) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...props}
    >
      {isLoading ? (
        <span
          aria-hidden="true"
          className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent"
        />
      ) : (
        icon
      )}
      {children}
    </button>
  );
});

export type ButtonLinkProps = LinkProps & { variant?: ButtonVariant; size?: ButtonSize };

/** A router link that looks like a button (navigation is a link, not a button). */
export function ButtonLink({ variant = 'secondary', size = 'md', className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClasses(variant, size, className)} {...props} />;
}
