export { FootnoteError, isFootnoteError, type ErrorCode } from './FootnoteError.js';
export { userMessage } from './userMessages.js';
