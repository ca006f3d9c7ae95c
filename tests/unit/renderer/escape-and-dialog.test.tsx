// @vitest-environment happy-dom
import './setup';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../src/renderer/src/ui/Dialog';
import { useEscape } from '../../../src/renderer/src/ui/escape';
import { Screen } from '../../../src/renderer/src/ui/Screen';

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open sheet
      </button>
      {open && (
        <Dialog title="Sheet" onClose={() => setOpen(false)}>
          <input aria-label="Inside" />
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('Tab and Shift+Tab stay inside; Escape closes it and focus returns to the opener', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Open sheet' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Sheet' });
    const inside = screen.getByLabelText('Inside');
    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    // Close comes first in the dialog, the field last: the trap wraps both ways.
    await user.tab();
    expect(document.activeElement).toBe(inside);
    await user.tab();
    expect(document.activeElement).toBe(close);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(inside);
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(opener));
  });
});

function Layers({ onOuter, onInner }: { onOuter: () => void; onInner: () => void }) {
  useEscape(onOuter);
  return <Inner onInner={onInner} />;
}
function Inner({ onInner }: { onInner: () => void }) {
  const [open, setOpen] = useState(true);
  useEscape(() => {
    onInner();
    setOpen(false);
  }, open);
  return <input aria-label="Search" onKeyDown={(e) => e.key === 'x' && e.preventDefault()} />;
}

describe('useEscape', () => {
  it('closes only the innermost open thing, then the next one out', () => {
    const outer = vi.fn();
    const inner = vi.fn();
    render(<Layers onOuter={outer} onInner={inner} />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(outer).toHaveBeenCalledTimes(1);
    expect(inner).toHaveBeenCalledTimes(1);
  });

  it('a field that used Escape itself (preventDefault) closes nothing', () => {
    const outer = vi.fn();
    function Field() {
      useEscape(outer);
      return (
        <input aria-label="Query" onKeyDown={(e) => e.key === 'Escape' && e.preventDefault()} />
      );
    }
    render(<Field />);
    fireEvent.keyDown(screen.getByLabelText('Query'), { key: 'Escape' });
    expect(outer).not.toHaveBeenCalled();
  });
});

describe('Screen', () => {
  it('its heading takes focus when it opens; Escape and Done both close it', async () => {
    const onClose = vi.fn();
    render(
      <Screen title="Settings" onClose={onClose}>
        <p>content</p>
      </Screen>,
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Settings' }));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('a field that asked for focus keeps it (the unlock password, say)', () => {
    render(
      <Screen title="Unlock Latchkey">
        <input aria-label="Password" autoFocus />
      </Screen>,
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull();
  });
});
