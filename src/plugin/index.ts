export { algorithmRegister } from './algorithmRegister'
export type { AlgorithmRegisterOptions } from './options'
