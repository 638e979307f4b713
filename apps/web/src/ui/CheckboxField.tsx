import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';

/** A checkbox with its visible label; the label is the accessible name. */
export function CheckboxField({
  children,
  isSelected,
  onChange,
  isDisabled,
}: {
  children: ReactNode;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  isDisabled?: boolean;
}) {
  return (
    <Checkbox
      className="checkbox labelled"
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
    >
      <span className="checkbox-box" aria-hidden="true" />
      <span>{children}</span>
    </Checkbox>
  );
}
