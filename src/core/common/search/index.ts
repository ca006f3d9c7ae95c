export { foldForSearch, queryWords } from './normalize';
export {
  indexForSearch,
  matchKind,
  scoreEntry,
  search,
  searchAccounts,
  type MatchKind,
  type SearchEntry,
  type Searchable,
} from './match';
