// The addresses of the pages. Vietnamese slugs: they are what officers see and share.
export const PATHS = {
  home: '/',
  signIn: '/dang-nhap',
  units: '/quan-tri/don-vi',
} as const;
