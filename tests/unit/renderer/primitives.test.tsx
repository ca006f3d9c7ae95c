// @vitest-environment happy-dom
import './setup';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  emptyNewPassword,
  newPasswordProblem,
  NewPasswordFields,
} from '../../../src/renderer/src/ui/NewPasswordFields';
import { Field } from '../../../src/renderer/src/ui/Field';
import { ToastProvider, ToastRegion, useToast } from '../../../src/renderer/src/ui/Toast';

describe('Field', () => {
  it('links the label, the hint and the error to the control', () => {
    render(
      <Field label="Setup key" hint="Letters A–Z and digits 2–7" error="Not a valid key.">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Setup key');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Not a valid key.', 'Letters A–Z and digits 2–7']);
  });
});

describe('NewPasswordFields', () => {
  it('two fields, each with a show/hide toggle, and a named problem when they differ', async () => {
    function Form() {
      const [value, setValue] = useState(emptyNewPassword);
      return (
        <>
          <NewPasswordFields value={value} onChange={setValue} label="Backup password" />
          <output>{newPasswordProblem(value, 'backup password') ?? 'ok'}</output>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Form />);
    await user.type(screen.getByLabelText('Backup password'), 'correct horse');
    await user.type(screen.getByLabelText('Repeat the password'), 'correct hose');
    expect(screen.getByRole('status').textContent).toBe(
      'The two backup passwords are not the same.',
    );
    await user.type(screen.getByLabelText('Repeat the password'), '{Backspace}{Backspace}rse');
    expect(screen.getByRole('status').textContent).toBe('ok');
    const shows = screen.getAllByRole('button', { name: 'Show' });
    expect(shows).toHaveLength(2);
    await user.click(shows[0]!);
    expect(screen.getByLabelText('Backup password').getAttribute('type')).toBe('text');
  });
});

describe('Toast', () => {
  it('appears in its own region (not over the page), is announced, and goes after 2.5 s', () => {
    vi.useFakeTimers();
    function Saver() {
      const toast = useToast();
      return (
        <button type="button" onClick={() => toast('Saved')}>
          Save
        </button>
      );
    }
    render(
      <ToastProvider>
        <main>
          <Saver />
        </main>
        <ToastRegion />
      </ToastProvider>,
    );
    act(() => screen.getByRole('button', { name: 'Save' }).click());
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('Saved');
    expect(region.closest('main')).toBeNull();
    act(() => vi.advanceTimersByTime(2500));
    expect(region.textContent).toBe('');
  });
});
