package jurisdiction

//go:generate go run ./internal/gen -data data -out tables_gen.go
