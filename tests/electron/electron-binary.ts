export { electronBinary } from '../../scripts/electron-binary';
