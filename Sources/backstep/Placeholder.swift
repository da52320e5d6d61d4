// Placeholder so the package loads until the command line lands; delete it then.
