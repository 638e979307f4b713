import type { Key } from 'react-aria-components';
import type { ReactNode } from 'react';
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';

export type Option = { id: string; name: string };

/** A labelled select over plain options; `value` is an option's id. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  className = '',
  isDisabled,
  description,
  errorMessage,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (id: string) => void;
  className?: string;
  isDisabled?: boolean;
  /** Help below the field, read out with it (aria-describedby). */
  description?: ReactNode;
  /** The error to show and announce. */
  errorMessage?: string;
}) {
  return (
    <Select
      className={`field select ${className}`}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => key !== null && onChange(String(key))}
      isDisabled={isDisabled}
      isInvalid={errorMessage ? true : undefined}
    >
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox-item" textValue={option.name}>
              {option.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
      {description && (
        <Text slot="description" className="hint muted">
          {description}
        </Text>
      )}
      <FieldError>{errorMessage}</FieldError>
    </Select>
  );
}
