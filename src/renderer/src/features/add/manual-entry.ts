import type { HashAlgorithm, OtpType } from '../../../../shared/account';
import type { ManualEntry } from '../../../../shared/bridge';

/** The setup-key form as typed (numbers stay text until submitted). */
export interface ManualFormState {
  readonly issuer: string;
  readonly name: string;
  readonly secret: string;
  readonly type: OtpType;
  readonly algorithm: HashAlgorithm;
  readonly digits: string;
  readonly period: string;
  readonly counter: string;
}

export const initialManualForm: ManualFormState = {
  issuer: '',
  name: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

/** What main is asked to add: only the fields that apply to the chosen type. */
export function toManualEntry(form: ManualFormState): ManualEntry {
  return {
    issuer: form.issuer.trim(),
    name: form.name.trim(),
    secret: form.secret,
    type: form.type,
    ...(form.type !== 'steam' && { algorithm: form.algorithm, digits: Number(form.digits) }),
    ...(form.type === 'totp' && { period: Number(form.period) }),
    ...(form.type === 'hotp' && { counter: Number(form.counter) }),
  };
}

export type SetField = <K extends keyof ManualFormState>(key: K, value: ManualFormState[K]) => void;
