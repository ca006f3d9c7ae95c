import { describe, expect, it } from 'vitest';
import { pickerBounds, PICKER_SIZE } from '../../../src/node/shell/picker-placement';

const left = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: -200, width: 2560, height: 1400 };

describe('where the quick picker opens', () => {
  it('on the display with the pointer, centred, in its upper third', () => {
    const bounds = pickerBounds({ x: 2500, y: 300 }, [left, right]);
    expect(bounds.x).toBe(1920 + (2560 - PICKER_SIZE.width) / 2);
    expect(bounds.y).toBe(-200 + Math.round((1400 - PICKER_SIZE.height) / 3));
    expect(bounds).toMatchObject(PICKER_SIZE);
  });

  it('on the first display when the pointer is on none; never larger than the screen', () => {
    expect(pickerBounds({ x: -50, y: -50 }, [left, right]).x).toBe((1920 - PICKER_SIZE.width) / 2);
    const small = pickerBounds({ x: 1, y: 1 }, [{ x: 0, y: 0, width: 400, height: 300 }]);
    expect(small).toEqual({ x: 0, y: 0, width: 400, height: 300 });
  });
});
