import { LatchkeyError } from '../../../shared/errors/index';

/**
 * The smallest protobuf wire-format reader and writer the Google Authenticator export needs
 * (https://protobuf.dev/programming-guides/encoding/): varints (wire type 0) and
 * length-delimited fields (wire type 2); 32- and 64-bit fixed fields are skipped when read.
 * Every read is bounds-checked: hostile input yields `migration.truncated` or
 * `migration.malformed`, never a RangeError.
 */

export const WIRE = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

export interface FieldTag {
  readonly field: number;
  readonly wire: number;
}

function malformed(reason: string): LatchkeyError {
  return new LatchkeyError('migration.malformed', { details: { reason } });
}

export class ProtoReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Reads an unsigned varint of at most 10 bytes (64 bits). */
  varint(): bigint {
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.bytes.length) throw new LatchkeyError('migration.truncated');
      const byte = this.bytes[this.pos++]!;
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw malformed('varint longer than 10 bytes');
  }

  tag(): FieldTag {
    const value = this.varint();
    const field = Number(value >> 3n);
    if (field < 1 || field > 0x1fffffff) throw malformed('invalid field number');
    return { field, wire: Number(value & 7n) };
  }

  lengthDelimited(): Uint8Array {
    const length = this.varint();
    if (length > BigInt(this.bytes.length - this.pos))
      throw new LatchkeyError('migration.truncated');
    const start = this.pos;
    this.pos += Number(length);
    return this.bytes.subarray(start, this.pos);
  }

  skip(wire: number): void {
    switch (wire) {
      case WIRE.varint:
        this.varint();
        return;
      case WIRE.lengthDelimited:
        this.lengthDelimited();
        return;
      case WIRE.fixed64:
        this.advance(8);
        return;
      case WIRE.fixed32:
        this.advance(4);
        return;
      default:
        throw malformed(`unsupported wire type ${wire}`);
    }
  }

  private advance(count: number): void {
    if (this.bytes.length - this.pos < count) throw new LatchkeyError('migration.truncated');
    this.pos += count;
  }
}

/** Interprets a varint as a protobuf int32 (negative values travel as 10-byte varints). */
export function asInt32(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

export class ProtoWriter {
  private readonly chunks: number[] = [];

  varintField(field: number, value: number | bigint): this {
    this.rawVarint(BigInt((field << 3) | WIRE.varint));
    // int32/int64 negatives are sign-extended to 64 bits, as protobuf requires.
    this.rawVarint(BigInt.asUintN(64, BigInt(value)));
    return this;
  }

  bytesField(field: number, value: Uint8Array): this {
    this.rawVarint(BigInt((field << 3) | WIRE.lengthDelimited));
    this.rawVarint(BigInt(value.length));
    for (const byte of value) this.chunks.push(byte);
    return this;
  }

  stringField(field: number, value: string): this {
    return this.bytesField(field, new TextEncoder().encode(value));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }

  private rawVarint(value: bigint): void {
    let rest = value;
    while (rest >= 0x80n) {
      this.chunks.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.chunks.push(Number(rest));
  }
}
