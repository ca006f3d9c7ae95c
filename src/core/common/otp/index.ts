export {
  DEFAULT_NEXT_WITHIN_MS,
  STEAM_ALPHABET,
  codeViewFor,
  generateCode,
  timeStep,
  type CodeTime,
} from './generate';
