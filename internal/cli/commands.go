package cli

// commands is the command table. A new command is one line here and one
// file holding its Command value and implementation.
var commands = []Command{
	serveCommand,
	migrateCommand,
	userAddCommand,
	tokenCreateCommand, tokenListCommand, tokenRevokeCommand,
	backupCommand,
	importCommand, exportCommand,
	linkCommand,
}
