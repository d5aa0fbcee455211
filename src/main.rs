fn main() -> std::process::ExitCode {
    dossier::cli::main()
}
