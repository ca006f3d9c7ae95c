/** How the code list may be ordered and drawn; kept in the vault's settings. */

export type SortOrder = 'custom' | 'issuer' | 'account' | 'recent' | 'most-used';
export const SORT_ORDERS: readonly SortOrder[] = [
  'custom',
  'issuer',
  'account',
  'recent',
  'most-used',
];
export const SORT_LABELS: Record<SortOrder, string> = {
  custom: 'Custom order',
  issuer: 'Service A–Z',
  account: 'Account A–Z',
  recent: 'Recently used',
  'most-used': 'Most used',
};

export type Density = 'comfortable' | 'compact';
export const DENSITIES: readonly Density[] = ['comfortable', 'compact'];
