import { feedbackButton, quotesButton } from './answerButtons.js';
import type { ButtonHandler } from './ButtonHandler.js';
import { papersPageButton } from './papersPageButton.js';

export type { ButtonHandler } from './ButtonHandler.js';

/** Every button family the bot handles. Append new features here. */
export const BUTTONS: ButtonHandler[] = [feedbackButton, quotesButton, papersPageButton];
