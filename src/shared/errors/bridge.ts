/** Problems crossing the bridge between the page and main. */
export const bridgeErrorMessages = {
  'bridge.unknown-operation': 'The app asked for something that does not exist.',
  'bridge.invalid-arguments': 'The app sent a request in the wrong shape.',
  'bridge.untrusted-sender': 'A request came from somewhere other than Latchkey’s own window.',
  'bridge.not-allowed': 'This Latchkey window may not do that.',
  'bridge.reauth-required':
    'Confirm it is you first: enter your Latchkey password (or tick the confirmation).',
  'bridge.internal': 'Something went wrong inside Latchkey. Nothing was changed.',
} as const;
export type BridgeErrorCode = keyof typeof bridgeErrorMessages;
