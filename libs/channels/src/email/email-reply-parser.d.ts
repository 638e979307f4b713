// The package ships no types for its CommonJS build.
declare module 'email-reply-parser' {
  interface Fragment {
    getContent(): string;
    isHidden(): boolean;
    isQuoted(): boolean;
    isSignature(): boolean;
  }
  interface ParsedEmail {
    getFragments(): Fragment[];
    getVisibleText(): string;
  }
  export default class EmailReplyParser {
    read(text: string): ParsedEmail;
  }
}
