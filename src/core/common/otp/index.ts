export {
  DEFAULT_NEXT_WITHIN_MS,
  STEAM_ALPHABET,
  codeViewFor,
  generateCode,
  timeStep,
  viewAt,
  type CodeTime,
} from './generate';
export { codeFromDigest, counterMessage, truncate } from './digest';
