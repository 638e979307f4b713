import type { ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  /** Help below the field, read out with it (aria-describedby). */
  description?: ReactNode;
  /** The error to show and announce; a string from the server or the form's own check. */
  errorMessage?: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
}

/** A labelled text field with its help and error wired to it for screen readers. */
export function TextField({
  label,
  description,
  errorMessage,
  multiline,
  rows = 4,
  placeholder,
  className = '',
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      className={`field ${className}`}
      isInvalid={errorMessage ? true : undefined}
      {...props}
    >
      <Label>{label}</Label>
      {multiline ? (
        <TextArea rows={rows} placeholder={placeholder} />
      ) : (
        <Input placeholder={placeholder} />
      )}
      {description && (
        <Text slot="description" className="hint muted">
          {description}
        </Text>
      )}
      <FieldError>{errorMessage}</FieldError>
    </AriaTextField>
  );
}
