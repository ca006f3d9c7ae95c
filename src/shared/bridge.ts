import { z } from 'zod';
import {
  HASH_ALGORITHMS,
  ICON_LIMITS,
  ORGANISE_LIMITS,
  OTP_LIMITS,
  type Account,
  type AccountId,
  type CodeView,
} from './account';
import type { EventName, OperationName } from './bridge-channels';
import type { Result } from './result';
import type { BackupStatusView, ImportFileView, ImportProgress, KitData } from './backup';
import type { StagingView } from './staging';
import { CLIPBOARD_CLEAR_LIMITS, type PreferencesView } from './preferences';
import { DENSITIES, SORT_ORDERS, type Density, type SortOrder } from './list-preferences';

/**
 * The bridge contract: every operation the page may ask of main, with a run-time schema for
 * its argument and a compile-time type for its result, and every event main may push.
 * Preload, main's handler registry and the end-to-end test bridge are all derived from it.
 */

/**
 * The vault state an operation needs. `dispatch` refuses it otherwise, before the handler runs:
 * 'unlocked' — refused with `vault.locked` while the vault is locked (or absent);
 * 'locked' — refused with `vault.already-unlocked` while it is unlocked;
 * 'any' — runs in every state.
 */
export type VaultNeed = 'locked' | 'unlocked' | 'any';

/**
 * Why an operation makes the user prove again that it is them. Such an operation takes the one
 * shared `reauth` argument (`reauthSchema`), and `dispatch` verifies it before the handler runs.
 * - 'releases-secrets': secrets leave main (kit data, exports, transfer codes, recovery codes).
 * - 'weakens-protection': the change makes the vault easier to open (keychain unlock, auto-lock
 *   never, an older generation back).
 */
export const REAUTH_REASONS = ['releases-secrets', 'weakens-protection'] as const;
export type ReauthReason = (typeof REAUTH_REASONS)[number];

/** What an operation needs before its handler may run; `dispatch` enforces it. */
export interface Policy {
  readonly vault: VaultNeed;
  readonly reauth?: ReauthReason;
}

interface Operation<A extends z.ZodType, R, P extends Policy = Policy> {
  readonly args: A;
  readonly policy: P;
  /** Phantom: carries the result type only. */
  readonly result?: R;
}

const op =
  <R>() =>
  <const P extends Policy, A extends z.ZodType>(policy: P, args: A): Operation<A, R, P> => ({
    args,
    policy,
  });

/** The policies, named once so every entry of the contract reads as a sentence. */
const anyState = { vault: 'any' } as const;
const whileLocked = { vault: 'locked' } as const;
const whileUnlocked = { vault: 'unlocked' } as const;
const releasesSecrets = { vault: 'unlocked', reauth: 'releases-secrets' } as const;
const weakensProtection = { vault: 'unlocked', reauth: 'weakens-protection' } as const;

const id = z.string().min(1).max(64);
const label = z.string().max(OTP_LIMITS.maxLabelLength);
const none = z.object({}).strict();

export const manualEntrySchema = z
  .object({
    issuer: label,
    name: label,
    secret: z.string().min(1).max(1024),
    type: z.enum(['totp', 'hotp', 'steam']).optional(),
    algorithm: z.enum(HASH_ALGORITHMS as [string, ...string[]]).optional(),
    digits: z.number().int().optional(),
    period: z.number().int().optional(),
    counter: z.number().int().optional(),
    keepDuplicate: z.boolean().optional(),
  })
  .strict();
export type ManualEntry = z.infer<typeof manualEntrySchema>;

/** A new account and what the parser tolerated but the user may want to know. */
export interface AddedAccount {
  readonly account: Account;
  readonly warnings: readonly string[];
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
}

/** What "Erase everything" deletes, named exactly before the user types ERASE. */
export interface ErasePlan {
  /** Files and folders in the data folder that exist now, as full paths. */
  readonly paths: readonly string[];
  /** The keychain entry deleted too ("service / account"), when this vault has one. */
  readonly keychainEntry: string | null;
}

/** The vault as the page may know it: never a key, never an account. */
export interface VaultStatusView {
  readonly state: 'absent' | 'locked' | 'unlocked';
  readonly slots: { readonly keychain: boolean; readonly password: boolean };
  readonly keychainAvailable: boolean;
  /** Unix ms until which password attempts are refused. */
  readonly lockedOutUntil: number | null;
  /** Set when vault.json cannot be read at all. */
  readonly damaged: { readonly code: string; readonly message: string } | null;
}

export interface SettingsView {
  /** Minutes without use before Latchkey locks itself; null = never. */
  readonly autoLockMinutes: number | null;
  /** Keep the window out of screenshots and screen sharing (where the OS supports it). */
  readonly contentProtection: boolean;
  readonly sortOrder: SortOrder;
  readonly density: Density;
  /** Show the following code during the last seconds of a period. */
  readonly showNextCode: boolean;
  /** Every group, in the user's order (a new group may have no accounts yet). */
  readonly groups: readonly string[];
}

const password = z.string().min(1).max(1024);

/**
 * One display's pixels, as main captured it: raw (desktopCapturer's bitmap) or encoded (a PNG
 * from a screen grabber). The page turns either into RGBA for the QR worker.
 */
export type CaptureFrame = {
  readonly id: string;
  readonly label: string;
  readonly width: number;
  readonly height: number;
} & (
  | { readonly encoding: 'bgra' | 'rgba'; readonly pixels: Uint8Array }
  | { readonly encoding: 'png'; readonly bytes: Uint8Array }
);

/** A picture file the user chose in main's dialog; `token` lets the page offer to delete it. */
export interface OpenedImage {
  readonly token: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Proof that the user is present: the password when the vault has one, otherwise an explicit
 * confirmation (only the keychain protects the vault). The one argument every operation with a
 * `reauth` reason takes, under the key `reauth`.
 */
export const reauthSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), password }).strict(),
  z.object({ method: z.literal('confirm') }).strict(),
  // A short grant from `reauth:grant`: the Backup screen asks once per visit, not per export.
  z.object({ method: z.literal('grant'), token: z.string().min(1).max(64) }).strict(),
]);
export type Reauth = z.infer<typeof reauthSchema>;

/** Proof held in main for a short while (at most 2 minutes), dropped on lock or on request. */
export interface ReauthGrant {
  readonly token: string;
  /** Unix ms. */
  readonly expiresAt: number;
}
const reauth = reauthSchema;
const accountIds = z.array(id).max(100_000).nullable();
const groupName = z.string().min(1).max(ORGANISE_LIMITS.maxGroupLength);
/** Icons the page may pick directly; pictures go through accounts:set-picture (decoded in main). */
const chosenIcon = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.literal('brand'),
      slug: z
        .string()
        .regex(/^[a-z0-9_]+$/)
        .max(ICON_LIMITS.maxSlugLength),
    })
    .strict(),
]);
/** Set when the user chose "Keep both" after being told the account already exists. */
const keepDuplicate = z.boolean().optional();

/** Decoded QR texts: hostile input, bounded in count and length. */
const scannedTexts = z.array(z.string().max(16_384)).max(64);

export const contract = {
  'app:info': op<AppInfo>()(anyState, none),
  'vault:status': op<VaultStatusView>()(anyState, none),
  'vault:create': op<VaultStatusView>()(
    whileLocked,
    z.object({ keychain: z.boolean(), password: password.optional() }).strict(),
  ),
  'vault:unlock': op<VaultStatusView>()(
    whileLocked,
    z.discriminatedUnion('method', [
      z.object({ method: z.literal('keychain') }).strict(),
      z.object({ method: z.literal('password'), password }).strict(),
    ]),
  ),
  'vault:lock': op<void>()(anyState, none),
  // Only the generation the last (failed) unlock attempt proved the user's credential opens:
  // that attempt was the authentication. An unlocked page cannot put an old generation back.
  'vault:restore-generation': op<void>()(
    whileLocked,
    z.object({ id: z.string().min(1).max(64) }).strict(),
  ),
  'settings:get': op<SettingsView>()(whileUnlocked, none),
  'settings:update': op<SettingsView>()(
    whileUnlocked,
    z
      .object({
        // "Never" weakens protection: security:disable-auto-lock, with re-authentication.
        autoLockMinutes: z.number().int().min(1).max(1440).optional(),
        contentProtection: z.boolean().optional(),
        sortOrder: z.enum(SORT_ORDERS as [SortOrder, ...SortOrder[]]).optional(),
        density: z.enum(DENSITIES as [Density, ...Density[]]).optional(),
        showNextCode: z.boolean().optional(),
      })
      .strict(),
  ),
  'security:set-password': op<VaultStatusView>()(
    whileUnlocked,
    z.object({ newPassword: password, currentPassword: password.optional() }).strict(),
  ),
  'security:remove-password': op<VaultStatusView>()(
    whileUnlocked,
    z.object({ currentPassword: password }).strict(),
  ),
  'security:enable-keychain': op<VaultStatusView>()(
    weakensProtection,
    z.object({ reauth }).strict(),
  ),
  'security:disable-auto-lock': op<SettingsView>()(
    weakensProtection,
    z.object({ reauth }).strict(),
  ),
  // The password itself, not only proof of it: the new master key is wrapped under it.
  'security:sign-out-device': op<VaultStatusView>()(
    whileUnlocked,
    z.object({ currentPassword: password }).strict(),
  ),
  'security:erase-plan': op<ErasePlan>()(anyState, none),
  'security:erase-all': op<VaultStatusView>()(
    anyState,
    z.object({ confirmation: z.string().max(64) }).strict(),
  ),
  'session:activity': op<void>()(anyState, none),
  // Preferences around the vault (shortcut, tray, login, clipboard): no secret, needed while locked.
  'preferences:get': op<PreferencesView>()(anyState, none),
  'preferences:update': op<PreferencesView>()(
    anyState,
    z
      .object({
        hotkey: z.string().min(1).max(100).nullable().optional(),
        closeToTray: z.boolean().optional(),
        startAtLogin: z.boolean().optional(),
        startHidden: z.boolean().optional(),
        clipboardClearSeconds: z
          .number()
          .int()
          .min(CLIPBOARD_CLEAR_LIMITS.min)
          .max(CLIPBOARD_CLEAR_LIMITS.max)
          .nullable()
          .optional(),
      })
      .strict(),
  ),
  /** The quick picker is done (copied, or Escape): hide it and give focus back. */
  'picker:close': op<void>()(anyState, none),
  'accounts:list': op<readonly Account[]>()(whileUnlocked, none),
  'accounts:add-uri': op<AddedAccount>()(
    whileUnlocked,
    z.object({ uri: z.string().max(OTP_LIMITS.maxUriLength * 4), keepDuplicate }).strict(),
  ),
  'accounts:add-manual': op<AddedAccount>()(whileUnlocked, manualEntrySchema),
  'accounts:update': op<Account>()(
    whileUnlocked,
    z
      .object({
        id,
        issuer: label.optional(),
        name: label.optional(),
        note: z.string().max(ORGANISE_LIMITS.maxNoteLength).optional(),
        groups: z.array(groupName).max(ORGANISE_LIMITS.maxGroups).optional(),
        favorite: z.boolean().optional(),
        icon: chosenIcon.optional(),
      })
      .strict(),
  ),
  'accounts:reorder': op<void>()(
    whileUnlocked,
    z.object({ ids: z.array(id).max(100_000) }).strict(),
  ),
  'accounts:remove': op<{ readonly undoUntil: number }>()(whileUnlocked, z.object({ id }).strict()),
  'accounts:undo-remove': op<Account>()(whileUnlocked, z.object({ id }).strict()),
  'accounts:set-picture': op<Account>()(
    whileUnlocked,
    z
      .object({
        id,
        bytes: z.custom<Uint8Array>((b) => b instanceof Uint8Array && b.byteLength <= 5_000_000),
      })
      .strict(),
  ),
  'accounts:share-uri': op<{ readonly uri: string }>()(
    releasesSecrets,
    z.object({ id, reauth }).strict(),
  ),
  'groups:create': op<SettingsView>()(whileUnlocked, z.object({ name: groupName }).strict()),
  'groups:rename': op<SettingsView>()(
    whileUnlocked,
    z.object({ from: groupName, to: groupName }).strict(),
  ),
  'groups:delete': op<SettingsView>()(whileUnlocked, z.object({ name: groupName }).strict()),
  /** Codes for `ids` (the rows on screen), or for every account when absent. */
  'codes:list': op<readonly CodeView[]>()(
    whileUnlocked,
    z.object({ ids: z.array(id).max(100_000).optional() }).strict(),
  ),
  /**
   * The page's first load in one round trip: every account, and codes for `ids` or, when
   * absent, for the first SNAPSHOT_CODES accounts in vault order (the first screenful).
   */
  'codes:snapshot': op<{
    readonly accounts: readonly Account[];
    readonly codes: readonly CodeView[];
  }>()(whileUnlocked, z.object({ ids: z.array(id).max(100_000).optional() }).strict()),
  'codes:next-hotp': op<CodeView>()(whileUnlocked, z.object({ id }).strict()),
  'clipboard:copy-code': op<{ readonly clearsAt: number | null }>()(
    whileUnlocked,
    z.object({ id }).strict(),
  ),
  'capture:screens': op<{ readonly frames: readonly CaptureFrame[] }>()(whileUnlocked, none),
  'capture:camera': op<void>()(anyState, z.object({ active: z.boolean() }).strict()),
  'files:open-image': op<OpenedImage | null>()(whileUnlocked, none),
  'files:delete-image': op<void>()(
    anyState,
    z.object({ token: z.string().min(1).max(64) }).strict(),
  ),
  'scan:read-texts': op<StagingView>()(whileUnlocked, z.object({ texts: scannedTexts }).strict()),
  'staging:view': op<StagingView>()(whileUnlocked, none),
  'staging:add': op<{ readonly added: number; readonly skipped: number }>()(
    whileUnlocked,
    z
      .object({
        choices: z
          .array(
            z
              .object({
                key: z.string().min(1).max(64),
                issuer: label.optional(),
                name: label.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
        keepDuplicates: z.boolean(),
      })
      .strict(),
  ),
  'staging:reset': op<void>()(anyState, none),
  'import:open-file': op<ImportFileView | null>()(whileUnlocked, none),
  'import:open-text': op<ImportFileView>()(
    whileUnlocked,
    z.object({ text: z.string().min(1).max(5_000_000) }).strict(),
  ),
  'import:read': op<StagingView>()(
    whileUnlocked,
    z.object({ token: z.string().min(1).max(64), password: password.optional() }).strict(),
  ),
  /** Stops a running `import:read` of this file; that read then fails with `import.cancelled`. */
  'import:cancel': op<void>()(anyState, z.object({ token: z.string().min(1).max(64) }).strict()),
  'backup:status': op<BackupStatusView>()(whileUnlocked, none),
  'reauth:grant': op<ReauthGrant>()(releasesSecrets, z.object({ reauth }).strict()),
  'reauth:drop': op<void>()(anyState, none),
  'backup:kit-data': op<KitData>()(
    releasesSecrets,
    z.object({ reauth, accountIds, transfer: z.boolean() }).strict(),
  ),
  'backup:save-pdf': op<{ readonly saved: boolean }>()(
    whileUnlocked,
    z
      .object({
        token: z.string().min(1).max(64),
        pdf: z.custom<Uint8Array>((b) => b instanceof Uint8Array && b.byteLength <= 50_000_000),
        allAccounts: z.boolean(),
      })
      .strict(),
  ),
  'backup:export-aegis': op<{ readonly saved: boolean }>()(
    releasesSecrets,
    z.object({ reauth, backupPassword: password }).strict(),
  ),
  'backup:export-uris': op<{ readonly saved: boolean }>()(
    releasesSecrets,
    z.object({ reauth }).strict(),
  ),
  'backup:transfer-codes': op<{
    readonly uris: readonly string[];
    readonly notTransferable: readonly string[];
  }>()(releasesSecrets, z.object({ reauth, accountIds }).strict()),
  'backup:set-auto': op<BackupStatusView>()(
    whileUnlocked,
    z.object({ keep: z.number().int().min(1).max(1000).nullable() }).strict(),
  ),
  'backup:replace-old-auto': op<BackupStatusView>()(whileUnlocked, none),
  'recovery:set': op<Account>()(
    whileUnlocked,
    z.object({ id, block: z.string().max(20_000) }).strict(),
  ),
  'recovery:reveal': op<readonly { readonly code: string; readonly used: boolean }[]>()(
    releasesSecrets,
    z.object({ id, reauth }).strict(),
  ),
  // By position in the account's list, never by value: the page must not be able to ask
  // whether a guessed code exists.
  'recovery:mark': op<Account>()(
    whileUnlocked,
    z.object({ id, index: z.number().int().min(0).max(999), used: z.boolean() }).strict(),
  ),
  'recovery:remove': op<Account>()(whileUnlocked, z.object({ id }).strict()),
} as const satisfies Record<OperationName, Operation<z.ZodType, unknown>>;

// Compile-time check that OPERATION_NAMES and the contract list the same operations.
type Missing = Exclude<OperationName, keyof typeof contract>;
type Extra = Exclude<keyof typeof contract, OperationName>;
const contractMatchesNames: [Missing, Extra] extends [never, never] ? true : never = true;
void contractMatchesNames;

export type Contract = typeof contract;

/** What `name` needs before its handler may run (read by `dispatch`, the docs and the tests). */
export const policyOf = (name: OperationName): Policy => contract[name].policy;

// Compile-time check: exactly the operations that state a re-authentication reason take `reauth`.
type AsksReauth = {
  [N in OperationName]: Contract[N]['policy'] extends { reauth: ReauthReason } ? N : never;
}[OperationName];
type TakesReauth = {
  [N in OperationName]: z.output<Contract[N]['args']> extends { reauth: Reauth } ? N : never;
}[OperationName];
const reauthDeclared: [Exclude<AsksReauth, TakesReauth>, Exclude<TakesReauth, AsksReauth>] extends [
  never,
  never,
]
  ? true
  : never = true;
void reauthDeclared;
export type ArgsOf<N extends OperationName> = z.infer<Contract[N]['args']>;
export type ResultOf<N extends OperationName> =
  NonNullable<Contract[N]['result']> extends never
    ? void
    : Exclude<Contract[N]['result'], undefined>;

/** Payloads of the events main pushes to the page. */
export interface EventPayloads {
  'accounts-changed': { readonly ids: readonly AccountId[] };
  locked: {
    readonly reason: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'signed-out' | 'erased';
  };
  /** A link from the desktop was staged: show the confirmation screen (never added silently). */
  'link-staged': { readonly view: StagingView };
  /** The quick picker window was shown again: start a fresh search. */
  'picker-opened': Record<string, never>;
  /** A long `import:read` got further (at most every ~15 ms, only for 1,000+ entries). */
  'import-progress': ImportProgress;
}
type EventsComplete = Exclude<EventName, keyof EventPayloads>;
const eventsComplete: EventsComplete extends never ? true : never = true;
void eventsComplete;

/** The object the preload (or the test bridge) installs as `window.latchkey`. */
export type LatchkeyApi = {
  readonly [N in OperationName]: (args: ArgsOf<N>) => Promise<Result<ResultOf<N>>>;
} & {
  readonly on: <E extends EventName>(
    event: E,
    listener: (payload: EventPayloads[E]) => void,
  ) => () => void;
};
