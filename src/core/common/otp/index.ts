export {
  DEFAULT_NEXT_WITHIN_MS,
  STEAM_ALPHABET,
  codeViewFor,
  generateCode,
  timeStep,
  viewAt,
  type CodeSource,
  type CodeTime,
} from './generate';
export { codeFromDigest, counterMessage, truncate } from './digest';
