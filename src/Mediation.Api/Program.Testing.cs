// WebApplicationFactory<Program> needs a public Program type; top-level statements make it internal.
public partial class Program;
